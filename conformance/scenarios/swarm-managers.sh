# Three nodes: node2 joins as a second manager (MANAGER_TOKEN), node3 as a
# worker. The overlay is created on node2: any manager holds the cluster's
# state; a worker cannot remove it. Containers on each of the three nodes
# reach each other through the overlay, whichever pair of nodes (each
# node's VXLAN device knows the other two nodes' addresses).
nodes node1 node2 node3
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token MANAGER_TOKEN 203.0.113.11:2377
docker --node node3 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker --node node2 network create -d overlay --attachable --subnet 10.212.0.0/24 ov
docker --node node2 run -d --name m2 --network ov netmodes/busybox:test nc -ll -p 80 -e echo ok
docker --node node3 run -d --name w3 --network ov netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name m1 --network ov netmodes/busybox:test sleep 3600
docker --node node3 network rm ov
docker --node node3 network ls --filter driver=overlay --format '{{.Name}} {{.Scope}}'
trace m1 -> m2:80/tcp
trace m1 -> w3:80/tcp
trace w3 -> m2
trace m2 -> w3:80/tcp
trace w3 -> m1
