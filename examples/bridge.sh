# bridge mode (the default): each container gets its own network namespace,
# a veth pair whose host end is a port of docker0, an address from
# 172.17.0.0/16, and NAT through iptables to reach (and be reached from) outside.
docker run -d --name web -p 8080:80 nginx
docker run -d --name db postgres
# a user-defined bridge: its own br-<id> bridge, its own subnet, embedded DNS
docker network create --subnet 10.88.0.0/24 app
docker run -d --name api --network app --ip 10.88.0.10 --network-alias backend busybox sleep 3600
docker network connect app web
