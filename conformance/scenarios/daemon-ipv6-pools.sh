dockerd --ipv6 --fixed-cidr-v6=fd00:99::/64 --default-address-pool base=10.123.0.0/16,size=24 --default-address-pool base=fd00:a0::/56,size=64
# IPv6 default address pools: a network created with --ipv6 and no IPv6
# subnet takes its /64 from the daemon's IPv6 pool, in order, on both
# engines; an IPv4-only network takes only an IPv4 subnet.
docker network create --ipv6 n1
docker network create --ipv6 n2
docker network create n3
docker run -d --name c1 --network n1 netmodes/busybox:test sleep 3600
docker network rm n2
docker network create --ipv6 n4
