# one container stopped, one restarted via stop+start
docker network create --subnet 10.41.0.0/24 ss
docker run -d --name stopped --network ss -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name restarted --network ss -p 8081:80 netmodes/busybox:test sleep 3600
docker run -d --name other --network ss netmodes/busybox:test sleep 3600
docker run -d --name dflt -p 8082:80 netmodes/busybox:test sleep 3600
snapshot before
docker stop -t 1 stopped
docker stop -t 1 restarted
docker stop -t 1 dflt
snapshot stopped
docker run -d --name newcomer --network ss netmodes/busybox:test sleep 3600
docker run -d --name newcomer2 netmodes/busybox:test sleep 3600
docker start restarted
docker start dflt
docker network connect ss stopped
docker network disconnect ss stopped
docker network connect --ip 10.41.0.50 ss stopped
