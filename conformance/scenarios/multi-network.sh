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
# connect while created (not started). At start, Docker 20.10 joins the default
# bridge first, then the other networks in Go map order, which is random: so
# only one other network here, to keep the recording deterministic.
docker create --name mc --network neta netmodes/busybox:test sleep 3600
docker network connect bridge mc
docker start mc
docker create --name md --network netc netmodes/busybox:test sleep 3600
docker network connect netd md
docker start md
