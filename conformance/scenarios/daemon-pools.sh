# The daemon's own pool (--default-address-pool) replaces the predefined
# ones: docker0 and every network without a subnet are carved from it.
dockerd --default-address-pool base=10.123.0.0/16,size=24
docker network create n1
docker network create n2
docker network create n3
docker network rm n2
docker network create n4
docker network create --subnet 10.123.9.0/24 inside
docker network create n5
docker network create --subnet 172.17.0.0/16 old
docker run -d --name d1 netmodes/busybox:test sleep 3600
docker run -d --name c1 --network n1 netmodes/busybox:test sleep 3600
docker run -d --name c4 --network n4 netmodes/busybox:test sleep 3600
