# --userland-proxy=false: published ports without docker-proxy, through NAT
# alone (the host's own 127.0.0.1 included, and a container's hairpin).
dockerd --userland-proxy=false
docker run -d --name web -p 18080:80 -p 127.0.0.1:19090:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker network create --subnet 10.96.0.0/24 app
docker run -d --name uweb --network app -p 18081:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name client netmodes/busybox:test sleep 3600
trace host -> web:80/tcp
trace host -> 127.0.0.1:18080/tcp
trace host -> 127.0.0.1:19090/tcp
trace host -> 127.0.0.1:18081/tcp
trace host -> 127.0.0.1:18082/tcp
# hairpin: a container to a port its own bridge's gateway publishes
trace client -> 172.17.0.1:18080/tcp
trace client -> 172.17.0.2:80/tcp
