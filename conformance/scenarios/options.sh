# bridge driver options, one container each
docker network create --internal internalnet
docker run -d --name c-internal --network internalnet -p 8081:80 netmodes/busybox:test sleep 3600
docker network create -o com.docker.network.bridge.enable_icc=false noicc
docker run -d --name c-noicc --network noicc -p 8082:80 netmodes/busybox:test sleep 3600
docker network create -o com.docker.network.bridge.enable_ip_masquerade=false nomasq
docker run -d --name c-nomasq --network nomasq -p 8083:80 netmodes/busybox:test sleep 3600
docker network create -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 localbind
docker run -d --name c-localbind --network localbind -p 8084:80 netmodes/busybox:test sleep 3600
docker network create -o com.docker.network.bridge.name=mybr0 named
docker run -d --name c-named --network named netmodes/busybox:test sleep 3600
docker network create -o com.docker.network.driver.mtu=1400 mtu1400
docker run -d --name c-mtu --network mtu1400 netmodes/busybox:test sleep 3600
docker network create --label a=b --label team=net labeled
docker run -d --name c-labeled --network labeled netmodes/busybox:test sleep 3600
docker network create --attachable attach
docker run -d --name c-attach --network attach netmodes/busybox:test sleep 3600
docker network create -o foo=bar --label x=y -o com.docker.network.bridge.enable_icc=true iccon
docker network create --internal -o com.docker.network.bridge.enable_icc=false internalnoicc
docker run -d --name c-internalnoicc --network internalnoicc netmodes/busybox:test sleep 3600
docker network create -o com.docker.network.bridge.name=mybr0 dupname
docker network create -o com.docker.network.driver.mtu=abc badmtu
docker network create -o com.docker.network.bridge.enable_icc=maybe badicc
docker network ls --filter label=a=b
