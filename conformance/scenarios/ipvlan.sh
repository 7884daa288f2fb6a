host ip link add nmparent0 type bridge && ip addr add 10.98.1.1/24 dev nmparent0 && ip link set nmparent0 up
docker network create -d ipvlan --subnet 10.98.0.0/24 -o parent=nmparent0 iv
docker run -d --name i1 --network iv netmodes/busybox:test sleep 3600
docker network create -d ipvlan --subnet 10.98.2.0/24 -o parent=nmparent0 -o ipvlan_mode=l3 ivl3
docker run -d --name i2 --network ivl3 netmodes/busybox:test sleep 3600
docker network create -d ipvlan --subnet 10.98.3.0/24 ivnoparent
docker run -d --name i3 --network ivnoparent netmodes/busybox:test sleep 3600
