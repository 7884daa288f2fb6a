# A lab with every mode the article describes, side by side.
docker network create --subnet 10.88.0.0/24 app
docker run -d --name web --network app -p 8080:80 nginx
docker run -d --name db --network app postgres
docker run -d --name legacy -p 127.0.0.1:9090:90/udp busybox sleep 3600
docker run -d --name sidecar --network container:web busybox sleep 3600
docker run -d --name monitor --network host prom/node-exporter
docker run -d --name vault --network none busybox sleep 3600
docker network create -d macvlan --subnet 10.0.2.0/24 --gateway 10.0.2.2 --ip-range 10.0.2.128/25 -o parent=eth0 lan
docker run -d --name printer --network lan busybox sleep 3600
