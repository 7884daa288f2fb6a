# overlay: a VXLAN-backed bridge spanning swarm nodes. It needs swarm mode;
# containers get eth0 on the overlay (MTU 1450) and eth1 on docker_gwbridge.
docker network create -d overlay nope
docker swarm init --advertise-addr 10.0.2.15
docker network create -d overlay --attachable backbone
docker run -d --name svc --network backbone busybox sleep 3600
