# Two containers on the default bridge, one publishing 8080:80
docker run -d --name web -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name db netmodes/busybox:test sleep 3600
# one-character names are invalid in Docker (regex needs 2+ chars)
docker run -d --name x netmodes/busybox:test sleep 3600
# --ip is not allowed on the default bridge
docker run -d --name xx --ip 172.17.0.50 netmodes/busybox:test sleep 3600
docker run -d --name xx2 --network bridge --ip 172.17.0.51 netmodes/busybox:test sleep 3600
docker run -d --name xx3 --network-alias foo netmodes/busybox:test sleep 3600
# connect/disconnect on the default bridge
docker network connect bridge web
docker network disconnect bridge db
docker network disconnect bridge db
docker network connect bridge db
docker network connect --ip 172.17.0.60 bridge xx
docker network connect --alias foo bridge xx
docker network disconnect bridge nosuchcontainer
docker network connect bridge nosuchcontainer
docker network connect nosuchnet web
docker network create other
docker run -d --name yy --network other netmodes/busybox:test sleep 3600
docker network connect --alias yyy bridge yy
docker network connect --ip 172.17.0.70 bridge yy
docker network connect bridge yy
docker network disconnect other yy
docker network disconnect bridge yy
docker network connect bridge yy
docker run -d --name zz netmodes/busybox:test sleep 3600
