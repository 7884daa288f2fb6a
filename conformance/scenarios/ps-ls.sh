docker network create app
docker network create --subnet 10.88.0.0/24 lab
docker run -d --name web --network app -p 8080:80 -p 127.0.0.1:9090:90/udp netmodes/busybox:test sleep 3600
docker run -d --name db --network lab netmodes/busybox:test sleep 3600
docker create --name idle netmodes/busybox:test sleep 3600
docker run -d --name ranges -p 8000-8002:8000-8002 -p 53:53/udp netmodes/busybox:test sleep 3600
docker ps
docker ps -a
docker network ls
docker network ls --no-trunc
docker network ls -q
docker network inspect app
docker network inspect bridge
docker inspect web
docker inspect -f '{{json .NetworkSettings}}' web
docker port web
