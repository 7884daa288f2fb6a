# --icc=false and --ip-masq=false: the default bridge's containers cannot talk
# to each other, and its traffic leaves unmasqueraded. Real packets, each
# bounded, between this host's own containers only (as probes.sh).
dockerd --icc=false --ip-masq=false
docker network create --subnet 10.95.0.0/24 app
docker run -d --name legacy -p 18080:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name legacy2 netmodes/busybox:test sleep 3600
docker run -d --name web --network app -p 18081:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name api --network app netmodes/busybox:test sleep 3600
# the default bridge: ICC off
trace legacy2 -> 172.17.0.2
trace legacy2 -> 172.17.0.2:80/tcp
# a user network: its own enable_icc (default true)
trace api -> web
trace api -> web:80/tcp
# the host: to the container directly, and through a published port
trace host -> 172.17.0.2:80/tcp
trace host -> 127.0.0.1:18080/tcp
trace host -> 127.0.0.1:18081/tcp
# two networks stay isolated
trace legacy2 -> 10.95.0.2
