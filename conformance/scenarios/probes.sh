# Real packets, each bounded (ping -c 1 -W 1, or a TCP connection that must
# be answered "ok" within 2 s), between this host's own containers only.
# Every `trace` line is probed on the real engine and traced by netmodes.
host ip link add nmparent0 type bridge && ip addr add 10.99.0.1/24 dev nmparent0 && ip link set nmparent0 up
docker network create --subnet 10.91.0.0/24 front
docker network create --subnet 10.92.0.0/24 back
docker network create --internal --subnet 10.93.0.0/24 vault
docker network create -o com.docker.network.bridge.enable_icc=false --subnet 10.94.0.0/24 quiet
docker network create -d macvlan --subnet 10.99.0.0/24 --gateway 10.99.0.1 --ip-range 10.99.0.128/25 -o parent=nmparent0 lan
docker run -d --name web --network front -p 18080:80 -p 127.0.0.1:19090:80 netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name api --network front netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name db --network back netmodes/busybox:test nc -ll -p 5432 -e echo ok
docker run -d --name secret --network vault netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name secret2 --network vault netmodes/busybox:test sleep 3600
docker run -d --name q1 --network quiet netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name q2 --network quiet netmodes/busybox:test sleep 3600
docker run -d --name side --network container:web netmodes/busybox:test sleep 3600
docker run -d --name lone --network none netmodes/busybox:test sleep 3600
docker run -d --name legacy netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name legacy2 netmodes/busybox:test sleep 3600
docker run -d --name mv1 --network lan netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name mv2 --network lan netmodes/busybox:test sleep 3600
# same user network: by name through the embedded DNS, ping and TCP
trace api -> web
trace api -> web:80/tcp
# web listens on 80 only (its published port says so): nothing answers on 81
trace api -> web:81/tcp
# two user networks are isolated (by address: the name would not even resolve)
trace web -> 10.92.0.2
trace web -> 10.92.0.2:5432/tcp
# ICC off: containers of one network cannot talk
trace q2 -> q1
trace q2 -> q1:80/tcp
# an internal network: in, yes; out, no
trace secret2 -> secret:80/tcp
trace secret -> 10.91.0.2
# the default bridge: no name resolution, but addresses work
trace legacy2 -> legacy
trace legacy2 -> 172.17.0.2:80/tcp
# container mode: the shared namespace's lo
trace side -> 127.0.0.1:80/tcp
# none: no interface
trace lone -> 10.91.0.2
# the host: to containers directly, and to published ports through docker-proxy
trace host -> web
trace host -> 127.0.0.1:18080/tcp
trace host -> 127.0.0.1:19090/tcp
trace host -> 127.0.0.1:18081/tcp
# macvlan: children talk to each other; the host cannot reach them through the parent
trace mv2 -> mv1
trace mv2 -> mv1:80/tcp
trace host -> mv1
