docker network create --subnet 10.31.0.0/24 neta
docker network create --subnet 10.32.0.0/24 netb
docker network create --subnet 10.33.0.0/24 netc
docker network create --subnet 10.34.0.0/24 netd
docker run -d --name mn --network neta netmodes/busybox:test sleep 3600
docker network connect netb mn
docker network connect netc mn
snapshot abc
docker network disconnect netb mn
docker network connect netd mn
snapshot acd
docker run -d --name mb --network neta netmodes/busybox:test sleep 3600
docker network connect bridge mb
# connect while created (not started)
docker create --name mc --network neta netmodes/busybox:test sleep 3600
docker network connect netb mc
docker network connect netc mc
docker start mc
# network order at create with several connects then start
docker create --name md --network netc netmodes/busybox:test sleep 3600
docker network connect neta md
docker network connect bridge md
docker start md
