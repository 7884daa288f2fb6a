# every -p form
docker run -d --name p1 -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name p2 -p 127.0.0.1:9090:90/udp netmodes/busybox:test sleep 3600
docker run -d --name p3 -p 80 netmodes/busybox:test sleep 3600
docker run -d --name p4 -p 8000-8002:8000-8002 netmodes/busybox:test sleep 3600
docker run -d --name p5 -p 9000-9001:80 netmodes/busybox:test sleep 3600
docker run -d --name p6 -p 7000:70/tcp -p 7000:70/udp netmodes/busybox:test sleep 3600
docker run -d --name p7 -p 127.0.0.1::81 netmodes/busybox:test sleep 3600
docker run -d --name p8 -P --expose 82 netmodes/busybox:test sleep 3600
docker run -d --name p9 -p 9100-9101:90-92 netmodes/busybox:test sleep 3600
docker run -d --name p10 -p 70000:80 netmodes/busybox:test sleep 3600
docker run -d --name p11 -p 8081:80/sctp netmodes/busybox:test sleep 3600
# host port conflict
docker run -d --name conflict -p 8080:80 netmodes/busybox:test sleep 3600
# host network with -p: warning, ports discarded
docker run -d --name hostp --network host -p 80:80 netmodes/busybox:test sleep 3600
# user network container with a published port
docker network create --subnet 10.66.0.0/24 pubnet
docker run -d --name upub --network pubnet -p 8443:443 netmodes/busybox:test sleep 3600
docker port p1
docker port p3
docker port p4
docker port p5
docker port upub
