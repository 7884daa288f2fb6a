# Real probes on a one-node swarm: containers on an attachable overlay reach
# each other by name (embedded DNS) through the overlay's bridge and VXLAN
# namespace; a standalone bridge container cannot reach them.
docker swarm init --advertise-addr 127.0.0.1
docker network create -d overlay --attachable --subnet 10.201.0.0/24 ov
docker run -d --name o1 --network ov netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name o2 --network ov netmodes/busybox:test sleep 3600
docker run -d --name plain netmodes/busybox:test sleep 3600
trace o2 -> o1
trace o2 -> o1:80/tcp
trace plain -> 10.201.0.2
trace host -> o1
