# macvlan: containers appear on the parent's L2 segment with their own MAC
# address, like physical machines. The host cannot reach them through eth0.
docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 lan
docker run -d --name printer --network lan busybox sleep 3600
docker run -d --name camera --network lan --ip 10.0.2.200 busybox sleep 3600
