docker network create -d overlay ov
docker network create -d overlay --attachable ov
docker swarm init --advertise-addr 127.0.0.1
docker network create -d overlay --attachable ov
docker network create -d overlay --subnet 10.200.0.0/24 --attachable ov2
docker network create -d overlay notattach
docker run -d --name o1 --network ov netmodes/busybox:test sleep 3600
docker run -d --name o2 --network ov2 --ip 10.200.0.50 netmodes/busybox:test sleep 3600
docker run -d --name o3 --network notattach netmodes/busybox:test sleep 3600
docker run -d --name o4 --network ov -p 8080:80 netmodes/busybox:test sleep 3600
docker network connect ov2 o1
docker network create -d overlay --scope local ovlocal
docker network create --scope swarm swbridge
docker network inspect ingress docker_gwbridge
docker network inspect --verbose ov
docker network ls
