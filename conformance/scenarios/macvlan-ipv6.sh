# IPv6 on macvlan: a dual-stack macvlan network on a Linux bridge parent
# (never eth0) that has an address of each subnet, containers with and
# without --ip6 (and --ip), and real IPv6 packets between its children; the
# host cannot reach them through the parent (a macvlan child's frames to its
# own parent are not delivered: the kernel's macvlan driver, bridge mode,
# passes frames between children only).
host ip link add nmparent0 type bridge && ip addr add 10.97.0.1/24 dev nmparent0 && ip -6 addr add fd00:97::1/64 dev nmparent0 nodad && ip link set nmparent0 up
docker network create -d macvlan --ipv6 --subnet 10.97.0.0/24 --gateway 10.97.0.1 --subnet fd00:97::/64 --gateway fd00:97::1 -o parent=nmparent0 mv6
docker run -d --name m1 --network mv6 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name m2 --network mv6 --ip6 fd00:97::50 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name m3 --network mv6 --ip 10.97.0.60 --ip6 fd00:97::60 netmodes/busybox:test sleep 3600
docker run -d --name bad1 --network mv6 --ip6 fd00:96::5 netmodes/busybox:test sleep 3600
# between children, by IPv6 address (TCP first: the first packet waits for
# neighbour discovery)
trace m3 -> [fd00:97::2]:80/tcp
trace m3 -> fd00:97::2
trace m1 -> [fd00:97::50]:80/tcp
trace m2 -> fd00:97::60
# the parent's own address, and from the host: macvlan children and their parent do not talk
trace m1 -> fd00:97::1
trace host -> [fd00:97::2]:80/tcp
trace host -> fd00:97::50
