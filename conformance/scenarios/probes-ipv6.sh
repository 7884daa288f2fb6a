# Real IPv6 packets (ping -c 1 -W 1, or a TCP connection answered "ok"),
# between this host's own containers and from the host, on dual-stack
# networks: what Docker filters in IPv6 on each engine (28 writes the same
# rules in ip6tables as in iptables; 20.10 writes none, so isolation, ICC
# off and --internal do not hold in IPv6) and ports published on 0.0.0.0,
# which docker-proxy also serves on [::].
docker network create --ipv6 --subnet 10.81.0.0/24 --subnet fd00:81::/64 front6
docker network create --ipv6 --subnet 10.82.0.0/24 --subnet fd00:82::/64 back6
docker network create --ipv6 --internal --subnet 10.83.0.0/24 --subnet fd00:83::/64 vault6
docker network create --ipv6 -o com.docker.network.bridge.enable_icc=false --subnet 10.84.0.0/24 --subnet fd00:84::/64 quiet6
docker run -d --name web --network front6 -p 18080:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name api --network front6 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name db --network back6 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name secret --network vault6 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name secret2 --network vault6 netmodes/busybox:test sleep 3600
docker run -d --name q1 --network quiet6 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name q2 --network quiet6 netmodes/busybox:test sleep 3600
docker run -d --name legacy -p 18081:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
# same network, by IPv6 address
trace api -> fd00:81::2
trace api -> [fd00:81::2]:80/tcp
# another network: isolated on 28, not on 20.10 (TCP first: on 20.10 the
# first packet through the host also waits for neighbour discovery, which
# a ping's one second does not always cover)
trace web -> [fd00:82::2]:80/tcp
trace web -> fd00:82::2
# ICC off
trace q2 -> fd00:84::2
trace q2 -> [fd00:84::2]:80/tcp
# an internal network: within it, yes; out of it, no route on 28, routed on 20.10
# (TCP first again: the host's first packet to fd00:81::2 waits for neighbour
# discovery; a ping sent first was lost in one CI run)
trace secret2 -> [fd00:83::2]:80/tcp
trace secret -> [fd00:81::2]:80/tcp
trace secret -> fd00:81::2
# the bridge's IPv6 gateway, and a container with no IPv6 at all
trace api -> fd00:81::1
trace legacy -> [fd00:81::2]:80/tcp
# from the host: a container's IPv6 address, an internal one
trace host -> fd00:81::2
trace host -> [fd00:81::2]:80/tcp
trace host -> [fd00:83::2]:80/tcp
# a port published on 0.0.0.0 is served on [::] too (docker-proxy), to an IPv6 or an IPv4-only container
trace host -> [::1]:18080/tcp
trace host -> [fd00:81::1]:18080/tcp
trace host -> [::1]:18081/tcp
