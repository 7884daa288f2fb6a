# --default-network-opt (the 20.10 daemon does not know the flag, and exits):
# options every new network of the driver gets unless it sets them itself.
dockerd --default-network-opt bridge=com.docker.network.driver.mtu=1450 --default-network-opt bridge=com.docker.network.bridge.enable_icc=false
docker network create --subnet 10.89.0.0/24 app
docker network create --subnet 10.88.0.0/24 -o com.docker.network.driver.mtu=1300 -o com.docker.network.bridge.enable_icc=true own
docker run -d --name a1 --network app netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name a2 --network app netmodes/busybox:test sleep 3600
docker run -d --name o1 --network own netmodes/busybox:test nc -ll -p 80 -e echo ok
docker run -d --name o2 --network own netmodes/busybox:test sleep 3600
docker run -d --name legacy netmodes/busybox:test sleep 3600
trace a2 -> a1:80/tcp
trace o2 -> o1:80/tcp
