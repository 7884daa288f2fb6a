# subnet choice sequence
docker network create n1
docker network create n2
docker network create n3
docker network rm n2
docker network create n4
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n1 n3 n4
docker network rm n1 n3 n4
docker network create n5
docker network create n6
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' n5 n6
# address reuse
docker network create --subnet 10.40.0.0/24 seq
docker run -d --name a1 --network seq netmodes/busybox:test sleep 3600
docker run -d --name b1 --network seq netmodes/busybox:test sleep 3600
docker run -d --name c1 --network seq netmodes/busybox:test sleep 3600
docker rm -f b1
docker run -d --name d1 --network seq netmodes/busybox:test sleep 3600
docker run -d --name e1 --network seq netmodes/busybox:test sleep 3600
# default bridge reuse
docker run -d --name bb1 netmodes/busybox:test sleep 3600
docker run -d --name bb2 netmodes/busybox:test sleep 3600
docker rm -f bb1
docker run -d --name bb3 netmodes/busybox:test sleep 3600
docker run -d --name bb4 netmodes/busybox:test sleep 3600
# restart
docker restart -t 1 a1
docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.MacAddress}} {{.EndpointID}}{{end}}' a1
