# Services on a two-node swarm, each pinned to one node by its role so that
# where its task runs is fixed: web (dnsrr, on the worker) and api (the
# default VIP, on the manager), both on an attachable overlay beside one
# plain container per node. Names resolve through each node's Docker DNS:
# web and tasks.web to web's task address, tasks.api to api's task, api to
# its VIP. This kernel has no IPVS, so the VIP does not forward (dockerd
# logs IPVS errors, the load balancer is never programmed): recorded as it is.
nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker network create -d overlay --attachable --subnet 10.211.0.0/24 ov
docker service create -q --no-resolve-image --name web --network ov --endpoint-mode dnsrr --constraint node.role==worker netmodes/busybox:test nc -ll -p 80 -e echo ok
docker service create -q --no-resolve-image --name api --network ov --constraint node.role==manager netmodes/busybox:test nc -ll -p 80 -e echo ok
docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}}'
docker run -d --name c1 --network ov netmodes/busybox:test sleep 3600
docker --node node2 run -d --name c2 --network ov netmodes/busybox:test sleep 3600
trace c1 -> web
trace c1 -> web:80/tcp
trace c1 -> tasks.web:80/tcp
trace c2 -> tasks.api:80/tcp
trace c2 -> api:80/tcp
trace c1 -> api:80/tcp
trace c2 -> api
