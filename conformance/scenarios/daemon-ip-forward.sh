# --ip-forward=false: the daemon leaves the host's net.ipv4.ip_forward as it
# is (here already on) and, with it, the filter FORWARD policy.
dockerd --ip-forward=false
docker network create --subnet 10.98.0.0/24 app
docker run -d --name web --network app -p 18080:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name legacy netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name legacy2 netmodes/busybox:test sleep 3600
trace legacy2 -> 172.17.0.2:80/tcp
trace host -> 127.0.0.1:18080/tcp
trace web -> 172.17.0.2
