# docker network prune / docker container prune: what goes (unused networks,
# stopped and created containers), what stays (predefined and configuration
# networks, networks with a running container), the confirmation without -f,
# label filters and Docker's order in the report.
docker network create --subnet 10.203.0.0/24 pr-a
docker network create --subnet 10.203.1.0/24 --label keep=yes pr-b
docker network create --subnet 10.203.2.0/24 pr-used
docker network create --subnet 10.203.3.0/24 pr-cnet
docker network create --subnet 10.203.4.0/24 pr-z
docker network create --config-only --subnet 10.203.5.0/24 pr-cfg
docker run -d --name pr-run --network pr-used netmodes/busybox:test sleep 3600
docker create --name pr-c1 netmodes/busybox:test true
docker create --name pr-c2 --network pr-cnet netmodes/busybox:test true
docker run -d --name pr-stopped netmodes/busybox:test sleep 3600
docker stop -t 1 pr-stopped
docker network prune
docker container prune
docker network prune -f --filter label=keep=no
docker network prune -f --filter label!=keep=yes
docker network prune -f --filter color=red
docker network prune -f extra
docker start pr-c2
docker network prune -f
docker container prune -f
docker container prune -f
docker network prune -f
