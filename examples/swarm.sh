# A swarm of two hosts: node1 (203.0.113.11) and node2 (203.0.113.12) on one
# LAN. An attachable overlay spans them: a1 on node1 reaches b1 on node2 by
# name, the frame carried in VXLAN (UDP 4789) between the nodes' addresses.
nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker network create -d overlay --attachable --subnet 10.210.0.0/24 ov
docker run -d --name a1 --network ov busybox sleep 3600
docker --node node2 run -d --name b1 --network ov nginx
trace a1 -> b1:80/tcp
