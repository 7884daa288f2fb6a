# user-defined bridge networks
docker network create app
docker network create --subnet 10.88.0.0/24 --gateway 10.88.0.254 --ip-range 10.88.0.128/25 --aux-address host1=10.88.0.130 lab
docker run -d --name web --network app --hostname webhost --network-alias www --network-alias frontend netmodes/busybox:test sleep 3600
docker run -d --name api --network app --ip 172.18.0.10 netmodes/busybox:test sleep 3600
docker run -d --name mac --network app --mac-address 02:00:00:00:00:aa netmodes/busybox:test sleep 3600
docker run -d --name mac2 --network lab --mac-address 02:00:00:00:00:bb netmodes/busybox:test sleep 3600
docker run -d --name l1 --network lab netmodes/busybox:test sleep 3600
docker run -d --name l2 --network lab --ip 10.88.0.5 netmodes/busybox:test sleep 3600
docker run -d --name l3 --network lab netmodes/busybox:test sleep 3600
# connect a container to a second network with an explicit ip and an alias
docker network connect --ip 10.88.0.200 --alias apilab lab api
docker network connect lab web
docker network connect --alias m1 --alias m2 lab mac
docker network disconnect app mac
docker network disconnect lab web
docker network inspect app
docker network inspect lab
