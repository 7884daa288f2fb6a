# Published ports of services on a two-node swarm. A host-mode port
# (mode=host) is bound on the node that runs the task only: node1 reaches it
# at node2's address, and nothing answers at node1's. An ingress port (the
# routing mesh) would answer on every node's address through the IPVS load
# balancer in the ingress sandbox: this kernel has no IPVS, so it answers
# on none (recorded as it is).
nodes node1 node2
docker swarm init --advertise-addr 203.0.113.11
docker --node node2 swarm join --token WORKER_TOKEN 203.0.113.11:2377
docker service create -q --no-resolve-image --name hostport --publish mode=host,target=80,published=8080 --constraint node.role==worker netmodes/busybox:test nc -ll -p 80 -e echo ok
docker service create -q --no-resolve-image --name mesh --publish 8081:80 --constraint node.role==worker netmodes/busybox:test nc -ll -p 80 -e echo ok
docker service ls --format '{{.Name}} {{.Mode}} {{.Replicas}} {{.Ports}}'
trace node1 -> node2:8080/tcp
trace node1 -> node1:8080/tcp
trace node2 -> node2:8080/tcp
trace node1 -> node2:8081/tcp
trace node2 -> node1:8081/tcp
