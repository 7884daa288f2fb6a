# --iptables=false: the daemon writes no rule (no NAT, no isolation, no
# published-port DNAT); docker-proxy still listens for published ports.
dockerd --iptables=false
docker network create --subnet 10.97.0.0/24 app
docker network create --subnet 10.87.0.0/24 -o com.docker.network.bridge.enable_icc=false quiet
docker run -d --name web --network app -p 18080:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name legacy -p 18081:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name legacy2 netmodes/busybox:test sleep 3600
docker run -d --name q1 --network quiet netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name q2 --network quiet netmodes/busybox:test sleep 3600
trace host -> 127.0.0.1:18080/tcp
trace host -> 127.0.0.1:18081/tcp
trace host -> 172.17.0.2:80/tcp
trace legacy2 -> 172.17.0.2:80/tcp
# ICC off with no rule to say so
trace q2 -> q1:80/tcp
# between two bridges: routed by the host, whose FORWARD policy decides
trace web -> 172.17.0.2
trace web -> 172.17.0.2:80/tcp
