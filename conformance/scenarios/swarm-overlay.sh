# Two real nodes (scripts/swarm-nodes.sh: one engine each, their eth0s on
# one LAN, 203.0.113.0/24) form a swarm; an attachable overlay spans them.
# Containers on different nodes reach each other by name (each node's
# embedded DNS knows the other's endpoints) and by address, ICMP and TCP,
# through VXLAN (UDP 4789) between the nodes' addresses. A node's own host
# namespace has no route into the overlay; a container off the overlay
# cannot reach it either.
nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker network create -d overlay --attachable --subnet 10.210.0.0/24 ov
docker run -d --name a1 --network ov --ip 10.210.0.10 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker --node node2 run -d --name b1 --network ov netmodes/busybox:test nc -ll -p 80 -e echo ok
docker --node node2 run -d --name plain netmodes/busybox:test sleep 3600
trace b1 -> a1
trace b1 -> a1:80/tcp
trace b1 -> 10.210.0.10:80/tcp
trace a1 -> b1
trace a1 -> b1:80/tcp
trace a1 -> a1:81/tcp
trace plain -> 10.210.0.10
trace node2 -> 10.210.0.10
trace node1 -> a1
