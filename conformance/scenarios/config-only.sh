# docker network create --config-only / --config-from: a configuration network
# (driver null, nothing built, never joined) and networks made from it (its
# IPAM, options and labels), with the daemon's refusals.
docker network create --config-only --subnet 10.204.0.0/24 --gateway 10.204.0.254 --ip-range 10.204.0.128/25 -o com.docker.network.bridge.enable_icc=false --label tier=cfg cf-cfg
docker network create --config-only cf-empty
docker network create --config-only --internal cf-bad1
docker network create --config-only --config-from cf-cfg cf-bad2
docker network create --config-from cf-cfg cf-net
docker network create --config-from cf-empty --internal --subnet 10.204.1.0/24 cf-bad3
docker network create --config-from cf-cfg -o a=b cf-bad4
docker network create --config-from bridge cf-bad5
docker network create --config-from cf-nothere cf-bad6
docker network create --config-from cf-cfg --label x=y cf-bad7
docker run -d --name cf-a --network cf-net netmodes/busybox:test sleep 3600
docker run -d --name cf-b --network cf-cfg netmodes/busybox:test sleep 3600
docker network connect cf-cfg cf-a
docker network rm cf-cfg
docker network inspect cf-cfg cf-net
docker rm -f cf-a
docker network rm cf-net cf-cfg
