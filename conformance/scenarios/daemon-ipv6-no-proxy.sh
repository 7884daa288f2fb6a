dockerd --userland-proxy=false --ipv6 --fixed-cidr-v6=fd00:99::/64
# --userland-proxy=false on a dual-stack daemon: what a port published on
# 0.0.0.0, on [::] and on [::1] becomes without docker-proxy. 28 maps IPv6
# host addresses through ip6tables' DNAT (and its hairpin MASQUERADE);
# 20.10 writes no ip6tables, so nothing but its proxy could serve them.
docker network create --ipv6 --subnet 10.94.0.0/24 --subnet fd00:94::/64 app6
docker run -d --name web --network app6 -p 18080:80 -p [::]:18083:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name client --network app6 netmodes/busybox:test sleep 3600
docker run -d --name d1 -p 18090:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name d2 netmodes/busybox:test sleep 3600
docker run -d --name loc -p [::1]:18085:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker port web
# from the host: [::1] and the bridges' IPv6 gateways, then IPv4 for comparison
trace host -> [::1]:18080/tcp
trace host -> [fd00:94::1]:18080/tcp
trace host -> [::1]:18083/tcp
trace host -> 127.0.0.1:18080/tcp
trace host -> [::1]:18090/tcp
trace host -> [fd00:99::1]:18090/tcp
trace host -> [::1]:18085/tcp
# hairpin: a container to a port its own bridge's IPv6 gateway publishes, and direct
trace client -> [fd00:94::1]:18080/tcp
trace client -> [fd00:94::2]:80/tcp
trace d2 -> [fd00:99::1]:18090/tcp
trace d2 -> 172.17.0.1:18090/tcp
