# error texts
docker network create --subnet 10.50.0.0/24 base
docker network create --subnet 10.50.0.0/24 overlap1
docker network create --subnet 10.50.0.128/25 overlap2
docker network create --subnet 10.50.0.0/16 overlap3
docker run -d --name outside --network base --ip 10.51.0.5 netmodes/busybox:test sleep 3600
docker run -d --name first --network base --ip 10.50.0.5 netmodes/busybox:test sleep 3600
docker run -d --name second --network base --ip 10.50.0.5 netmodes/busybox:test sleep 3600
docker run -d --name gwip --network base --ip 10.50.0.1 netmodes/busybox:test sleep 3600
docker network create --subnet 10.52.0.0/24 --gateway 10.53.0.1 badgw
docker network create --subnet 10.0.0.0/33 badmask
docker network create --subnet foo badsubnet
docker network create --subnet 10.54.0.0/24 --ip-range 10.55.0.0/25 badrange
docker network create --subnet 10.56.0.5/24 nonaligned
docker network create --gateway 10.57.0.1 gwonly
docker network create --ip-range 10.58.0.0/24 rangeonly
docker network create base
docker network create BASE
docker network rm base
docker network rm nosuchnet
docker network rm bridge
docker network rm host none
docker run -d --name nonet --network nosuchnet netmodes/busybox:test sleep 3600
docker rm first
docker network create -d nosuchdriver x1
# exhaustion of a /30
docker network create --subnet 10.77.0.0/30 tiny
docker run -d --name t1 --network tiny netmodes/busybox:test sleep 3600
docker run -d --name t2 --network tiny netmodes/busybox:test sleep 3600
docker run -d --name t3 --network tiny netmodes/busybox:test sleep 3600
docker start nosuchcontainer
docker stop nosuchcontainer
docker rm nosuchcontainer
# --ip on a network without a user-specified subnet
docker network create plain
docker run -d --name plainip --network plain --ip 172.18.0.9 netmodes/busybox:test sleep 3600
docker run -d --name first --network base netmodes/busybox:test sleep 3600
docker network create --subnet 10.59.0.0/24 --aux-address a=10.60.0.1 badaux
docker network create --subnet 10.61.0.0/24 --gateway 10.61.0.1 --aux-address gw=10.61.0.1 auxgw
docker network create --subnet 172.17.0.0/16 clash-docker0
docker network create --subnet 10.62.0.0/24 --subnet 10.63.0.0/24 twosubnets
docker network create --subnet 10.64.0.0/24 --gateway 10.64.0.1 --gateway 10.64.0.2 twogw
docker network create --ip-range 10.65.0.0/24 --subnet 10.65.0.0/24 --ip-range 10.65.0.0/25 tworanges
docker network create -d bridge --ipv6 v6nosubnet
