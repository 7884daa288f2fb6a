# Other machines on a LAN beside the host, made as a person makes them: a
# bridge with an address of the host's (nmlan0, 10.77.0.1), and two machines,
# each a network namespace wired to it by a veth. nmpc1 routes through the host
# (its default route); nmpc2 knows only its own segment. The probes between
# them and the containers show what users hit: published ports from the LAN,
# a port published on 127.0.0.1 reached by a machine that routes 127.0.0.1 to
# the host (moby#45610, where the engines differ), direct routing to a
# container's address, replies when masquerading is off with and without a
# route back, an --internal network against the host's other addresses, and a
# port published by another network's container reached through docker-proxy.
host ip link add nmlan0 type bridge && ip addr add 10.77.0.1/24 dev nmlan0 && ip link set nmlan0 up
host ip netns add nmpc1
host ip link add nmpc1-eth type veth peer name eth0 netns nmpc1
host ip link set nmpc1-eth master nmlan0 && ip link set nmpc1-eth up
host ip -n nmpc1 addr add 10.77.0.10/24 dev eth0 && ip -n nmpc1 link set eth0 up
host ip -n nmpc1 route add default via 10.77.0.1
host ip netns add nmpc2
host ip link add nmpc2-eth type veth peer name eth0 netns nmpc2
host ip link set nmpc2-eth master nmlan0 && ip link set nmpc2-eth up
host ip -n nmpc2 addr add 10.77.0.20/24 dev eth0 && ip -n nmpc2 link set eth0 up
docker network create --subnet 10.78.0.0/24 app
docker network create --subnet 10.78.1.0/24 -o com.docker.network.bridge.enable_ip_masquerade=false nomasq
docker network create --internal --subnet 10.78.2.0/24 inside
docker network create --subnet 10.78.3.0/24 other
docker run -d --name web --network app -p 8080:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name loc --network app -p 127.0.0.1:9090:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name nm --network nomasq netmodes/busybox:test sleep 3600
docker run -d --name in1 --network inside netmodes/busybox:test sleep 3600
docker run -d --name o1 --network other netmodes/busybox:test sleep 3600
# the host and its LAN machines
trace host -> nmpc1
trace nmpc1 -> 10.77.0.20
trace nmpc2 -> 10.77.0.1
# a published port from the LAN: DNAT on the host's address
trace nmpc1 -> 10.77.0.1:8080/tcp
trace nmpc2 -> 10.77.0.1:8080/tcp
# published on 127.0.0.1 only: not on the host's LAN address
trace nmpc1 -> 10.77.0.1:9090/tcp
# straight to a container's address, routed through the host (moby#45610)
trace nmpc1 -> web:80/tcp
trace nmpc1 -> web
# a machine that routes 127.0.0.1 to the host: the DNAT of 127.0.0.1:9090 takes it...
host ip -n nmpc1 route add 127.0.0.1/32 via 10.77.0.1
trace nmpc1 -> 127.0.0.1:9090/tcp
# ...and the answer, from 127.0.0.1, is a martian source to its kernel unless route_localnet is on
host ip netns exec nmpc1 sysctl -w net.ipv4.conf.eth0.route_localnet=1
trace nmpc1 -> 127.0.0.1:9090/tcp
# containers to the LAN: masqueraded, or (masquerading off) with their own source address
trace web -> nmpc1
trace web -> nmpc2
trace nm -> nmpc1
trace nm -> nmpc2
# an --internal network has no route off its subnet, not even to the host's other addresses
trace in1 -> 10.77.0.1
trace in1 -> 10.78.2.1
trace in1 -> nmpc1
# a port another network's container published, through the host's addresses
trace o1 -> 10.78.3.1:8080/tcp
trace o1 -> 10.77.0.1:8080/tcp
trace o1 -> 10.78.0.1:8080/tcp
trace o1 -> 10.77.0.1:9090/tcp
trace o1 -> web:80/tcp
