dockerd --ipv6 --fixed-cidr-v6=fd00:99::/64
# The default bridge with IPv6 from the daemon's flags: docker0 gets the
# fixed-cidr-v6's first address, its containers an address of it (20.10:
# derived from their MAC; 28: in order) and, where the daemon writes
# ip6tables (28), docker0's IPv6 rules. User-defined networks keep their own
# settings.
docker run -d --name d1 -p 18090:80 netmodes/busybox:test sleep 3600
docker run -d --name d2 netmodes/busybox:test sleep 3600
docker network create --ipv6 --subnet fd00:98::/64 app
docker run -d --name a1 --network app netmodes/busybox:test sleep 3600
docker network create plain
docker run -d --name p1 --network plain netmodes/busybox:test sleep 3600
docker port d1
