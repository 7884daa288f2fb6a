# What listens: sockets opened by the containers' own commands and by
# `docker exec -d`, in the network namespace where they run (a container-mode
# sharer's in its target's, a host-mode container's on the host), and a socket
# bound to 127.0.0.1 that answers only from inside its namespace. Probes are
# bounded (a TCP connection answered "ok" within 2 s) and go to this
# scenario's own containers, its bridge's address and the host's loopback.
docker network create --subnet 10.96.0.0/24 lnet
docker run -d --name srv --network lnet netmodes/busybox:test sleep 3600
docker exec -d srv nc -ll -p 80 -e echo ok
docker exec -d srv nc -ll 127.0.0.1 -p 8081 -e echo ok
docker run -d --name side --network container:srv netmodes/busybox:test sleep 3600
docker exec -d side nc -ll -p 81 -e echo ok
docker run -d --name hostl --network host netmodes/busybox:test nc -ll -p 18443 -e echo ok
docker run -d --name cmdl --network lnet netmodes/busybox:test nc -ll -p 7000 -e echo ok
docker exec -d cmdl nc -ll -p 7001 -e echo ok
docker run -d --name peer --network lnet netmodes/busybox:test sleep 3600
# the exec'd listener answers; a port nothing listens on is refused
trace peer -> srv:80/tcp
trace peer -> srv:82/tcp
# the sharer's listener is in srv's namespace: reached at srv's address, and on the shared lo
trace peer -> srv:81/tcp
trace srv -> 127.0.0.1:81/tcp
trace side -> 127.0.0.1:80/tcp
# bound to 127.0.0.1: only from inside the namespace
trace side -> 127.0.0.1:8081/tcp
trace peer -> srv:8081/tcp
trace host -> srv:8081/tcp
# the host to a container's listener, by its address
trace host -> srv:80/tcp
trace host -> srv:82/tcp
# the host-mode container's listener is the host's: on its loopback and on the bridge's address
trace host -> 127.0.0.1:18443/tcp
trace host -> 127.0.0.1:18444/tcp
trace peer -> 10.96.0.1:18443/tcp
trace peer -> 10.96.0.1:18444/tcp
# the container's own command listens, and so does what exec started in it
trace peer -> cmdl:7000/tcp
trace peer -> cmdl:7001/tcp
# a restart ends the exec'd process (its socket with it); the command runs again
docker restart cmdl
docker port cmdl
docker network inspect -f '{{.Name}}' lnet
docker inspect -f '{{.State.Status}}' cmdl
trace peer -> cmdl:7000/tcp
trace peer -> cmdl:7001/tcp
# a stopped container's listeners are gone with it
docker stop hostl
trace host -> 127.0.0.1:18443/tcp
