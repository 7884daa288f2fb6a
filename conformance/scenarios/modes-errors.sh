# error cases for --network container:
docker run -d --name web netmodes/busybox:test sleep 3600
docker create --name createdonly netmodes/busybox:test sleep 3600
docker run -d --name e1 --network container:web -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name e2 --network container:web --hostname foo netmodes/busybox:test sleep 3600
docker run -d --name e3 --network container:nosuch netmodes/busybox:test sleep 3600
docker run -d --name e4 --network container:createdonly netmodes/busybox:test sleep 3600
docker run -d --name e5 --network container:web --mac-address 02:00:00:00:00:bb netmodes/busybox:test sleep 3600
docker run -d --name e6 --network container:web --ip 172.17.0.99 netmodes/busybox:test sleep 3600
docker run -d --name e7 --network container:web --dns 1.1.1.1 netmodes/busybox:test sleep 3600
docker run -d --name e8 --network container:web --add-host foo:10.1.1.1 netmodes/busybox:test sleep 3600
docker run -d --name e9 --network container:web --network-alias foo netmodes/busybox:test sleep 3600
docker run -d --name e10 --network container:web --expose 80 netmodes/busybox:test sleep 3600
docker run -d --name e11 --network container:web -P netmodes/busybox:test sleep 3600
docker run -d --name e12 --network host --hostname foo netmodes/busybox:test sleep 3600
docker run -d --name e13 --network host --mac-address 02:00:00:00:00:cc netmodes/busybox:test sleep 3600
docker run -d --name e14 --network none -p 8080:80 netmodes/busybox:test sleep 3600
docker run -d --name e15 --network none --ip 10.1.1.1 netmodes/busybox:test sleep 3600
docker run -d --name e16 --network container:web --network-alias foo --network bridge netmodes/busybox:test sleep 3600
# connect/disconnect on containers in special modes
docker network connect bridge e6
docker network connect bridge e14
docker network connect bridge e12
docker network disconnect none e14
docker network disconnect host e12
docker network connect host web
docker network connect none web
docker network disconnect bridge web
docker network connect none web
docker network disconnect none web
docker network connect bridge web
