# The default bridge from the daemon's flags: docker0's address (--bip), the
# part of its subnet containers get addresses from (--fixed-cidr), and the
# MTU of the default bridge (--mtu). User-defined networks take none of them.
dockerd --bip=10.99.0.1/24 --fixed-cidr=10.99.0.128/25 --mtu=1400
docker run -d --name b1 netmodes/busybox:test sleep 3600
docker run -d --name b2 netmodes/busybox:test sleep 3600
# a user network without a subnet: the first default pool, free of docker0 now
docker network create app
docker network create --subnet 10.77.0.0/24 fixed
docker run -d --name u1 --network app netmodes/busybox:test sleep 3600
docker run -d --name u2 --network fixed netmodes/busybox:test sleep 3600
docker network connect app b1
# an address on the default bridge is refused, outside --fixed-cidr or not
docker run -d --name b3 --ip 10.99.0.5 netmodes/busybox:test sleep 3600
