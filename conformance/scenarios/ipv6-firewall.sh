# What each engine writes to ip6tables for bridge networks with IPv6 (28:
# the same rules as in iptables, with the IPv6 subnets and addresses; 20.10:
# nothing) and how ports published on IPv6 host addresses are mapped: a
# dual-stack network, an IPv6-only internal one, ICC and masquerading off,
# an IPv4-only network, the default bridge (no IPv6), ports on 0.0.0.0/::,
# [::1], [::] and 127.0.0.1, then containers and networks removed again.
docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 dual
docker network create --ipv6 --subnet fd00:82::/64 --internal int6
docker network create --ipv6 --subnet fd00:83::/64 -o com.docker.network.bridge.enable_icc=false noicc6
docker network create --ipv6 --subnet fd00:84::/64 -o com.docker.network.bridge.enable_ip_masquerade=false nomasq6
docker network create --subnet 10.85.0.0/24 v4only
docker run -d --name web --network dual -p 18080:80 -p 127.0.0.1:18081:80 -p [::1]:18082:80 -p [::]:18083:80 netmodes/busybox:test sleep 3600
docker run -d --name inner --network int6 netmodes/busybox:test sleep 3600
docker run -d --name quiet1 --network noicc6 -p 18084:80 netmodes/busybox:test sleep 3600
docker run -d --name plain --network nomasq6 netmodes/busybox:test sleep 3600
docker run -d --name four --network v4only -p 18085:80 netmodes/busybox:test sleep 3600
docker run -d --name legacy -p 18086:80 -p [::]:18087:80 netmodes/busybox:test sleep 3600
docker network connect dual four
docker port web
docker port legacy
snapshot up
docker rm -f quiet1
docker network disconnect dual four
docker network rm noicc6
