# parents: Linux bridges (never eth0)
host ip link add nmparent0 type bridge && ip addr add 10.99.0.1/24 dev nmparent0 && ip link set nmparent0 up
host ip link add nmparent1 type bridge && ip link set nmparent1 up && ip link add nmparent2 type bridge && ip link set nmparent2 up && ip link add nmparent3 type bridge && ip link set nmparent3 up && ip link add nmparent4 type bridge && ip link set nmparent4 up && ip link add nmparent5 type bridge && ip link set nmparent5 up
docker network create -d macvlan --subnet 10.99.0.0/24 --gateway 10.99.0.1 -o parent=nmparent0 mv
docker run -d --name m1 --network mv netmodes/busybox:test sleep 3600
docker run -d --name m2 --network mv --ip 10.99.0.50 netmodes/busybox:test sleep 3600
docker run -d --name m3 --network mv -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name m4 --network mv --mac-address 02:00:00:00:00:aa netmodes/busybox:test sleep 3600
# second macvlan network on the same parent (error)
docker network create -d macvlan --subnet 10.99.6.0/24 -o parent=nmparent0 mv2
# modes, each on its own parent
docker network create -d macvlan --subnet 10.99.1.0/24 -o parent=nmparent1 -o macvlan_mode=private mvpriv
docker network create -d macvlan --subnet 10.99.2.0/24 -o parent=nmparent2 -o macvlan_mode=vepa mvvepa
docker network create -d macvlan --subnet 10.99.3.0/24 -o parent=nmparent3 -o macvlan_mode=passthru mvpass
docker network create -d macvlan --subnet 10.99.4.0/24 -o parent=nmparent4 -o macvlan_mode=bogus mvbogus
docker run -d --name mp --network mvpriv netmodes/busybox:test sleep 3600
docker run -d --name mvp --network mvvepa netmodes/busybox:test sleep 3600
docker run -d --name mpt --network mvpass netmodes/busybox:test sleep 3600
docker run -d --name mpt2 --network mvpass netmodes/busybox:test sleep 3600
# 802.1Q sub-interface parent
docker network create -d macvlan --subnet 10.99.50.0/24 -o parent=nmparent0.50 mv50
# no subnet
docker network create -d macvlan -o parent=nmparent4 mvnosub
docker run -d --name mns --network mvnosub netmodes/busybox:test sleep 3600
# no parent (docker would create a dummy parent)
docker network create -d macvlan --subnet 10.99.7.0/24 mvnoparent
docker network create -d macvlan --subnet 10.99.8.0/24 -o parent=nosuchif mvbadparent
docker network create -d macvlan --internal --subnet 10.99.9.0/24 -o parent=nmparent5 mvinternal
docker run -d --name mi --network mvinternal netmodes/busybox:test sleep 3600
# multi-network with macvlan
docker network connect bridge m1
docker network connect mvpriv m2
