# host routes that overlap docker's default pools
# 172.18.5.0/24: interface address on a bridge (on-link, proto kernel)
host ip link add nmparent0 type bridge && ip addr add 172.18.5.1/24 dev nmparent0 && ip link set nmparent0 up
# 172.19.0.0/16 and 172.21.0.0/24: routes via a gateway
host ip route add 172.19.0.0/16 via 172.18.5.2
host ip route add 172.21.0.0/24 via 172.18.5.2
# 172.23.0.0/16 and 172.25.128.0/24: on-link device routes without an address
host ip route add 172.23.0.0/16 dev nmparent0
host ip route add 172.25.128.0/24 dev nmparent0
# 192.168.16.0/20 address on a second bridge (only reached by the pools scenario)
host ip link add nmparent1 type bridge && ip addr add 192.168.16.1/20 dev nmparent1 && ip link set nmparent1 up
docker network create h1
docker network create h2
docker network create h3
docker network create h4
docker network create h5
docker network create h6
docker network create h7
docker network create h8
docker network inspect -f '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}}' h1 h2 h3 h4 h5 h6 h7 h8
docker network create --subnet 172.18.5.0/24 explicit-overlap
docker network create --subnet 172.19.0.0/16 explicit-overlap-route
docker network create --subnet 172.23.0.0/16 explicit-overlap-devroute
