dockerd --ipv6 --fixed-cidr-v6=fd00:99::/64
# The default bridge with IPv6 from the daemon's flags: docker0 gets the
# fixed-cidr-v6's first address, its containers an address of it (20.10:
# derived from their MAC; 28: in order) and, where the daemon writes
# ip6tables (28), docker0's IPv6 rules. User-defined networks keep their own
# settings.
docker run -d --name d1 -p 18090:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name d2 netmodes/busybox:test sleep 3600
docker network create --ipv6 --subnet fd00:98::/64 app
docker run -d --name a1 --network app netmodes/busybox:test nc -ll -p 80 -e echo ok
docker network create plain
docker run -d --name p1 --network plain netmodes/busybox:test sleep 3600
docker port d1
# real IPv6 probes on the default bridge: d1's address is fd00:99::242:ac11:2 on
# 20.10 (from its MAC) and fd00:99::2 on 28, so each engine answers one of them
trace d2 -> [fd00:99::242:ac11:2]:80/tcp
trace d2 -> [fd00:99::2]:80/tcp
trace host -> [fd00:99::242:ac11:2]:80/tcp
trace host -> [fd00:99::2]:80/tcp
trace d2 -> fd00:99::1
# the port published on 0.0.0.0, on [::] too; and docker0 against another network
trace host -> [::1]:18090/tcp
trace d2 -> [fd00:98::2]:80/tcp
