import IncidentKit
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ExecutionRiskClassifierTests {
    static let readOnly: [String] = [
        "kubectl get pods",
        "awk '/error|crit/ {print}' /var/log/app.log", "awk '$9 == 502 || $9 == 504' /var/log/nginx/access.log",
        #"awk 'BEGIN{FS="|"; OFS="|"} {print $2}' /var/log/x"#, "oc adm top nodes", "kubectl -o wide get nodes",
        "apt-cache policy python3", "systemctl -n 50 status nginx", "oc adm top pods -n openshift-monitoring",
        "kubectl get pods -n prod -l app=delete -o wide",
        "kubectl describe deployment api -n prod",
        "kubectl logs deploy/api --since=10m | tail -n 100",
        "kubectl rollout status deployment/api",
        "kubectl config current-context",
        "systemctl status nginx",
        "systemctl is-active --quiet nginx && echo up",
        "service nginx status",
        "grep -r x /var/log 2>/dev/null",
        "journalctl -u x -n 50 --no-pager",
        "curl -sS -o /dev/null -w '%{http_code}' https://example.com/health",
        "curl -s https://example.com/api | jq .status",
        "iptables -L -n",
        "iptables -nvL INPUT",
        "iptables -S",
        "iptables-save",
        "nft list ruleset",
        "ufw status verbose",
        "echo hi >/dev/null",
        "ps aux | grep nginx",
        "ls -la /var/log 2>&1 | head",
        "cat /etc/nginx/nginx.conf",
        "df -h && free -m",
        "tail -n 200 /var/log/syslog &>/dev/null",
        "ss -tlnp | grep :443",
        "docker ps --format '{{.Names}}'",
        "docker logs --tail 100 api",
        "docker inspect -f '{{.State.Status}}' api",
        "helm list -A",
        "helm history api -n prod",
        "git log --oneline -5",
        "git status",
        "mount | grep nfs",
        "crontab -l",
        "sed -n '1,20p' /etc/hosts",
        "psql -c 'SELECT count(*) FROM orders WHERE updated_at > now()'",
        "psql -c \"SELECT * FROM pg_stat_activity WHERE query LIKE '%DELETE%'\"",
        "mysql -e 'SHOW GRANTS'",
        "redis-cli -h cache INFO memory",
        "ip route show",
        "openssl s_client -connect example.com:443 </dev/null",
        "dd if=/dev/sda bs=512 count=1 | xxd",
        "find /var/log -name '*.gz' -mtime +7",
        "sudo journalctl -u nginx --since today",
        "ssh web1 uptime",
        "timeout 5 curl -s localhost:8080/health",
        "xargs -n1 echo < hosts.txt",
        "echo $(date) `hostname`",
        "apt list --installed 2>/dev/null | grep nginx",
        "wget -qO- http://localhost/status",
        "kill -0 1234",
        "sysctl net.core.somaxconn",
        "aws ec2 describe-instances --instance-ids i-123",
        "tee < /dev/null",
        "echo done >&2",
        // Tools no rule names read unless an argument is an action verb.
        "ceph health detail", "ceph osd tree", "ceph status --format json", "rados df",
        "etcdctl endpoint health --cluster", "etcdctl member list -w table", "virtctl version", "crictl ps -a",
        "crictl pods", "ovs-vsctl show", "amtool silence query", "oc project", "kubectl exec api-0 -- ls /tmp",
        "kubectl exec api-0 ls /tmp", "nsenter -t 1 -n ip addr", "grep -c restart /var/log/syslog", "echo stop",
        "acmectl status /var/lib/delete-me",
        // Printing and sorting to the screen, a dry-run temporary name.
        "sort -u names.txt", "gzip -c app.log", "gunzip -l app.log.gz", "zstd -t x.zst", "mktemp -u",
        "git log -1", "git status", "kubectl auth can-i get pods", "oc auth whoami",
        "date -u +%s", "date -d yesterday", "hostname -f", "dmesg -T", "arp -n", "uniq -c names.txt",
        "uniq -f 1 names.txt", "openssl x509 -in c.pem -noout -text", "perf stat ls", "helm repo list",
        "yq '.a' f.yaml", "nc -zv db 5432", "xxd dump.bin", "nc -zv db 5432 2>&1 | grep succeeded",
        "nc -w1 db 80 < /dev/null", "curl -s https://h/healthz", "sort -r f", "tcpdump -n -c 5 -i eth0",
        "redis-cli -h h ping", "man ls", "ss -tnp", "ss -ltnp", "file /bin/ls", "rg -n error /var/log/app.log", "blkid",
        // Whole long options that only begin like a change's.
        "dmesg --color=always --ctime", "date --date=yesterday", "journalctl --since today --no-pager",
        "arp --device eth0", "sysctl --all", "journalctl -u kubelet --follow",
        // Queries in the words, and a TLS client fed nothing or its quit command.
        "echo 'select 1' | psql", "psql -c 'select source from t'", "mongosh --eval 'db.stats()'",
        "echo | openssl s_client -connect h:443 2>/dev/null | openssl x509 -noout -dates",
        "echo Q | openssl s_client -connect h:443", "openssl s_client -connect h:443 </dev/null",
        "sort -k2 -n sizes.txt", "man -k restart", "less +G app.log", "less -R app.log", "ag -i error /var/log",
        "journalctl --since -1h -o json", "openssl rand -hex 16", "openssl x509 -in ca.pem -noout -subject",
        "curl --cookie session=1 https://h/", "curl --head https://h/", "curl --compressed -sS https://h/healthz",
        // False alarms the sixth review found in this stop's rules.
        "psql -Ufred -c 'select 1'", "psql -dfoo -c 'select 1'", "date --da '1 day ago' +%F",
        "true | openssl s_client -connect h:443", "openssl s_client -connect h:443 <<< Q",
        "curl -v --stderr - https://h/", "curl --trace-ascii /dev/stdout https://h/",
        "mongosh mongodb://h/db --eval 'db.stats()'", "sqlite3 app.db '.tables'", "echo hi | ssh host ls",
        "cockroach node status", "cockroach sql -e 'select 1'",
        "git branch", "git branch -a", "git branch -vv", "git branch --contains abc", "git branch --show-current",
        "git tag -l 'v*'", "git tag --contains abc", "git remote -v", "git remote show origin", "git config user.name",
        "git config --get user.name", "git config --list --show-origin", "git config --global --get core.editor",
        "tar -tzf x.tgz", "tar -czf - dir", "tar -xOf x.tgz f", "unzip -l x.zip", "patch --dry-run -p1 < x.diff",
        "curl -w '%{http_code}' -o /dev/null -s https://h",
        // A GET whose data goes into the query, a ruleset only checked, a `\copy` that only prints.
        "curl -G -d 'query=up' http://prom:9090/api/v1/query", "curl -sG --data-urlencode 'query=up' http://h/",
        "curl --get --data q=x http://h/", "nft -c -f /etc/nftables.conf", "nft -cf rules.nft",
        "nft --check --file rules.nft", "nft -c add rule inet filter input drop",
        "psql -c 'COPY (select * from t) TO STDOUT'",
        "kubectl delete pod x --dry-run=client", "kubectl apply -f x.yaml --dry-run=server",
        "kubectl delete pod x --dry-run", "chrt -p 1234", "taskset -p 1234", "ionice -p 1234",
        "kafka-consumer-groups --bootstrap-server b --group g --reset-offsets --to-earliest --topic t",
        "$KUBECTL get pods", "$SUDO cat /etc/hosts", "ceph osd tree down",
        "at org.example.Worker.run(Worker.java:42)", "at /app/server.js:10:5",
        "awk '/\"/ {print $1}' f", "zpool events", "conntrack -L", "nmcli general hostname", "nmcli general status",
        "nmcli device status", "kafka-leader-election.sh --help",
        "tmux display-message -c /dev/pts/1 -p '#{pane_id}'", "ip neigh ls delay", "at 10:30am.",
        "curl --compressed -s https://h/",
        "psql -c \"COPY (SELECT 1) TO STDOUT; COPY (SELECT 2) TO STDOUT\"", "sed -n '/warn/p' f",
        "curl -s --compressed -G --data-urlencode 'query=up' http://prometheus:9090/api/v1/query",
        "curl --fail -G -d 'q=1' http://x/api", "gcloud logging read ssh --limit 20",
        "gcloud compute instances get-serial-port-output ssh", "awk '{print \"@include inplace\"}' /var/log/x",
        "psql -c \"COPY (SELECT $$a;b$$) TO STDOUT\"", "psql -c \"COPY t TO STDOUT -- nightly export\"",
        "ip neigh ls", "curl -s --compressed -G -d 'q=1' http://x/api",
        "mongosh --eval 'db.c.aggregate([{$match: {a: 1}}])'",
        "redis-cli --raw GET k",
        "redis-cli -h h sentinel config get '*'", "redis-cli -h h JSON.GET k", "redis-cli -h h FT.SEARCH idx '*'",
        "redis-cli -h h sort list", "mongosh --eval 'const s = new Set(); db.c.find().forEach(d => s.add(d))'",
        "helm upgrade rel chart --dry-run", "helm install rel chart --dry-run=server",
        "gcloud compute firewall-rules describe ssh", "gcloud compute firewall-rules list --filter ssh",
        "gdb -p 1234 -batch -ex 'set pagination off' -ex 'thread apply all bt'", "lldb -p 1234 -b -o 'bt all'",
        "gdb -n ./prog core.1234", "docker stack services mystack", "docker buildx imagetools inspect img",
        "podman system connection list", "podman image tree img", "docker container wait c1",
        "sed -n 'w /dev/stdout' f", "sed -ne '/error/p' app.log", "docker --tlscacert ca.pem -H tcp://h service ls",
        // Disk tools that list: signatures, a partition table dumped, a layout printed.
        "wipefs /dev/sdb", "wipefs -n -a /dev/sdb", "wipefs --no-act --all /dev/sdb", "wipefs -J /dev/sdb",
        "sfdisk -d /dev/sda", "sfdisk -l /dev/sda", "sfdisk --json /dev/sda", "sfdisk -V /dev/sda",
        "parted -l", "parted /dev/sda print", "parted -s /dev/sda unit s print free", "fdisk -l",
        "psql -c '\\copy (select * from pg_stat_activity) to stdout with csv'",
        "psql -c '\\copy t (a, b) TO STDOUT'", "psql -c \"\\copy (select ')' from t) to pstdout\"",
        "psql -c 'select pg_is_in_recovery()'", "mysql -e 'show replica status'", "psql -c 'COPY t TO STDOUT'",
        "clickhouse-client -q 'select * from system.parts'", "cqlsh -e 'select * from system.local'",
        "mongosh --eval 'db.c.find()'", "psql -c 'start transaction read only; select 1'",
        "psql -c 'set statement_timeout = 1000; select 1'", "mysql -e 'show variables like \"read_only\"'",
        // `DO` only starts a code block at the start of a statement; `out` is only Mongo's stage as `$out`.
        "psql -c \"SELECT 'I DO' AS x, do_something FROM t\"", "mongosh --eval 'db.orders.find({ out: 1 })'",
        // A subshell piped into or from a client passes on what it is given, and that is read.
        "(echo 'SELECT 1') | psql", "echo 'SELECT 1' | (psql)", "(cd /tmp && ls) | grep x",
        "(kubectl get pods) | grep Crash", "(echo hi) || psql -c 'select 1'", "c_rehash -h",
        // Reading a script is not running it; `python3 -m json.tool` only formats; a word that starts like an
        // interpreter's name is not one.
        "cat ./fix.sh", "grep -n restart deploy.sh", "curl -s localhost:9090/api | python3 -m json.tool",
        "nodetool status", "bash -c 'kubectl get pods'",
        "pg_restore -l app.dump", "pg_dump -T audit app", "pg_dump -Fc app", "mongodump --archive --db app",
        "influx -execute 'SHOW DATABASES'", "pgcli -c 'select 1'", "journalctl -u x --since today",
        // Unknown tools: reads beside the verbs, action options and glued verbs of the seventh probe.
        "kafka-topics --bootstrap-server b --describe --topic t",
        "kafka-consumer-groups.sh --bootstrap-server b --list",
        "kafka-consumer-groups --bootstrap-server b --group g --reset-offsets --to-latest --topic t --dry-run",
        "nodetool status", "nodetool getcompactionthroughput", "rados lspools", "cryptsetup luksDump /dev/sdb",
        "cryptsetup status data", "ceph osd safe-to-destroy 3", "ceph osd ok-to-stop 3", "ceph osd tree down",
        "ceph osd pool ls detail", "ceph tell osd.0 version", "ceph fs status", "rbd ls pool", "rbd showmapped",
        "rbd device list", "vault status", "vault operator raft list-peers", "argocd app get myapp",
        "argocd app diff myapp", "flux get kustomizations", "pulumi preview", "pulumi stack ls", "az vm list",
        "az vm show -g rg -n vm", "nmcli con show", "nmcli device status", "etcdctl get /registry/delete-me",
        // Review 7: read-only system procedures and DBCC checks, query languages and prose in arguments, formats
        // that name no file, words that show as the last one, git lfs, nerdctl groups.
        "sqlcmd -Q \"EXEC sp_who2\"",
        "sqlcmd -Q \"EXEC master.dbo.sp_who2\"",
        "sqlcmd -Q \"DBCC SQLPERF(LOGSPACE)\"",
        "sqlcmd -Q \"DBCC CHECKDB WITH NO_INFOMSGS\"",
        "gcloud logging read 'resource.type=\"gce_instance\" AND severity>=WARNING' --limit 20 --format json",
        "promtool query instant http://prom:9090 'node_load1 > 4'",
        "gh pr list --search \"restart loop\"",
        "velero backup get -o custom-columns=NAME:.metadata.name",
        "git lfs env",
        "git lfs ls-files",
        "nerdctl container ls",
        "rpm -K x.rpm",
        "mysqladmin --connect-timeout 5 status",
        "kubectl exec -n db pg-0 -- psql -U postgres -c 'SELECT count(*) FROM pg_stat_activity'",
        "dpkg-query -l",
        "nvidia-smi",
        "nmcli con",
        "nmcli con show",
        "chage -l alice",
        "ntpq -p",
        "iscsiadm -m session",
        "losetup -a",
        "psql -c 'SELECT 1'",
        "bq ls",
        "bq query 'SELECT 1'",
        // Review 6: versions and help, git/dpkg/rpm queries, a docker management read, influx's own options.
        "python3 --version",
        "node -v",
        "bash --version",
        "ssh -V",
        "docker system df",
        "influx -execute 'SHOW DATABASES'",
        "git status",
        "git --version",
        "git -C /srv/app log --oneline -5",
        "dpkg -l nginx",
        "rpm -qa",
        "update-alternatives --display java",
        // env's -S is its own option, not the command's (`sort -S 1G` is a buffer size).
        "env LC_ALL=C sort -S 1G /var/log/app.log",
        // Review 5: what unknown tools show, builtins, tracers attached to a process.
        "ceph -s", "ceph osd perf", "ceph osd df", "rados df", "ceph daemon osd.1 dump_historic_ops",
        "ceph daemon osd.1 ops", "rbd children --pool p img", "virsh dumpxml vm1",
        "ovs-appctl -t /var/run/ovn/ovnnb_db.ctl cluster/status OVN_Northbound", "sensors",
        "export NS=\"$(oc get kubevirt -A -o name)\"", "exit 1", "read NODE", "nmcli general hostname",
        "strace -f -p 1234 -e trace=network -c", "nginx -t", "nginx -T", "service nginx status",
        "supervisorctl status", "pm2 ls", "docker container wait c1", "npm ls", "apt list --installed",
        "snap list", "helm list -A", "trap - EXIT", "kafka-topics.sh --bootstrap-server b:9092 --list",
        // Output and prose in code blocks that name no program.
        "2 osds down", "- ReadWriteOnce",
        // aws: reads with global options before the service.
        "aws --profile prod ec2 describe-instances", "aws --region us-east-1 rds describe-db-clusters",
        "aws sts get-caller-identity", "aws --profile prod s3 ls", "aws logs tail /aws/lambda/f --follow",
        "aws ecs wait services-stable --cluster c --services s", "aws configure list",
        "aws route53 test-dns-answer --hosted-zone-id Z --record-name n --record-type A",
        "aws dynamodb query --table-name t", "aws logs filter-log-events --log-group-name g",
        // kubectl and oc: dry runs, rollout reads, reads of a command group.
        "kubectl apply --dry-run=client -f x.yaml", "kubectl delete pod x --dry-run=server",
        "kubectl create deployment x --image=y --dry-run=client -o yaml", "oc rollout status dc/api",
        "oc rollout history dc/api", "oc adm node-logs node1 -u kubelet", "oc adm top pods -n delete-me",
        // Network tools that only show, beside the changes of the seventh probe.
        "conntrack -L", "conntrack -S", "ipvsadm -Ln", "ipvsadm -L -n --stats", "ifconfig", "ifconfig -a",
        "ifconfig eth0", "ip -n ns1 route show", "ip r", "ip r s", "ip a s", "ip -br a", "ip route get 1.1.1.1",
        "ip -s link show eth0", "ip l", "ethtool eth0", "ethtool -S eth0", "ethtool -k eth0", "ethtool -g eth0",
        "tc qdisc show dev eth0", "tc -s qdisc show dev eth0", "tc filter show dev eth0",
        // Redis commands and subcommands that only read, also after an option nobody listed.
        "redis-cli CLUSTER INFO", "redis-cli -c CLUSTER NODES", "redis-cli -p 26379 SENTINEL masters",
        "redis-cli -p 26379 SENTINEL get-master-addr-by-name mymaster", "redis-cli --cacert ca.pem INFO",
        "redis-cli --tls --cacert ca.pem -h h PING", "redis-cli SLOWLOG GET 10", "redis-cli MEMORY USAGE k",
        "redis-cli ACL LIST", "redis-cli --scan --pattern 'x*'", "redis-cli --new-option v INFO",
        "redis-cli --cluster check h:6379",
        // Storage tools that only show or check without repairing; queries and Mongo methods that only read.
        "sgdisk -p /dev/sdb", "xfs_growfs -n /data", "zpool status", "zpool iostat -v 1", "zfs list", "exportfs -v",
        "mdadm --detail /dev/md0", "mdadm --examine /dev/sdb", "tune2fs -l /dev/sdb", "xfs_repair -n /dev/sdb",
        "e2fsck -fn /dev/sdb", "psql -c 'select * from pg_replication_slots'", "psql -c 'select cluster_name from t'",
        "psql -c 'show cluster_name'", "psql -c 'select 1; commit'", "mongosh --eval 'rs.status()'",
        "mongosh --eval 'rs.conf()'", "mongosh --eval 'db.currentOp()'",
        // Containers' management commands that show; a remote command that reads; a debugger that only
        // prints a backtrace; processes' settings shown; a variable that names a reading program.
        "docker system df", "docker service ps web", "docker stack ls", "docker node ls", "podman system info",
        "docker swarm join-token worker", "docker network inspect n", "gcloud compute ssh vm1 --command 'uptime'",
        "gdb -p 1234 -batch -ex 'thread apply all bt'", "gdb -batch -ex bt ./app core", "ionice -p 1234",
        "chrt -p 1234", "taskset -p 1234", "taskset -cp 1234", "prlimit --pid 1234", "$SUDO cat /etc/hosts",
        "$KUBECTL get pods", "atq", "tmux ls", "screen -ls", "sed -n '1,5p' f", "sed -n '/a/,/b/{p}' f",
        "awk '$1 > 5 {print}' f", "awk '{ if ($3 > 100) print }' f", "awk '{print $1 > \"/dev/stderr\"}' f",
        "keytool -list -keystore ks", "keytool -printcert -file c.pem", "trust list", "sort f | sponge",
        "at org.example.Worker.run(Worker.java:42)",
    ]

    static let mutating: [(command: String, reason: String)] = [
        ("systemctl restart nginx", "restarts a service (systemctl restart)"),
        // Found in review: they wrote files as evidence.
        ("sort -o /tmp/out names.txt", "writes output into a file (sort -o)"),
        ("gzip -k app.log", "writes files (gzip)"), ("mktemp /tmp/x.XXXX", "creates a file (mktemp)"),
        ("git init repo", "changes the repository (git init)"),
        ("kubectl auth reconcile -f rbac.yaml", "changes RBAC rules (kubectl auth reconcile)"),
        // Found in the fourth review: they ran as evidence.
        ("find /var/log -name '*.log' -fprint /tmp/out", "writes output into a file (find -fprint)"),
        ("uniq /etc/hostname /tmp/out", "writes output into a file (uniq)"),
        ("openssl genrsa -out /tmp/k.pem 2048", "writes files (openssl -out)"),
        ("perf record -- true", "writes files (perf record)"), ("date 010100002030", "sets the clock (date)"),
        ("hostname evilhost", "sets the hostname (hostname)"),
        ("dmesg -C", "clears or configures the kernel log (dmesg)"), ("arp -d 10.0.0.1", "changes the ARP table (arp)"),
        ("yq -i '.a = 1' f.yaml", "edits files in place (yq -i)"),
        ("helm repo add x https://e.com", "changes Helm's setup (helm repo add)"),
        ("tcpdump -w /tmp/c.pcap", "writes a capture file (tcpdump -w)"),
        ("xxd -r dump.hex /tmp/out", "writes output into a file (xxd)"),
        ("sar -o /tmp/sa 1 3", "writes a data file (sar -o)"),
        ("echo FLUSHALL | nc redis 6379", "sends text to a network service (nc)"),
        ("nc -q1 redis 6379 <<< FLUSHALL", "sends text to a network service (nc)"),
        ("nc redis 6379 < commands.txt", "sends text to a network service (nc)"),
        // An audit of the programs that only read: options that write or kill.
        ("ss -K dst 10.0.0.1", "closes sockets (ss -K)"), ("file -C -m my.magic", "writes a magic file (file -C)"),
        ("rg --pre ./unpack x /srv", "runs a program (rg --pre, --hostname-bin)"),
        ("blkid -g", "rewrites the blkid cache (blkid -g)"),
        // Found in the fifth review.
        ("curl -s gopher://127.0.0.1:6379/_FLUSHALL", "sends to a gopher service (curl gopher://)"),
        ("curl dict://127.0.0.1:6379/FLUSHALL", "sends to a dict service (curl dict://)"),
        ("curl --data-ascii x http://h/", "sends data in a request (curl -d)"),
        ("curl -D /tmp/h http://h/", "writes a file (curl -D /tmp/h)"),
        ("curl --trace /tmp/t http://h/", "writes a file (curl --trace)"),
        ("rg --hostname-bin=/tmp/x -n x f", "runs a program (rg --pre, --hostname-bin)"),
        ("sort -ro /tmp/out f", "writes output into a file (sort -o)"),
        ("sort --out=/tmp/out f", "writes output into a file (sort -o)"),
        ("openssl rand -out=/tmp/r 8", "writes files (openssl -out)"),
        ("openssl rand --out /tmp/r 8", "writes files (openssl -out)"),
        ("tcpdump -nw /tmp/c", "writes a capture file (tcpdump -w)"),
        ("xmllint -output /tmp/o f.xml", "writes output into a file (xmllint --output)"),
        ("ss -tD /tmp/d", "dumps sockets into a file (ss -D)"),
        ("ncat -o /tmp/o h 80", "writes output into a file (ncat -o)"),
        ("perf probe --add do_sys_open", "writes files (perf probe)"),
        ("yq -s '.a' f.yaml", "writes a file per document (yq -s)"),
        ("nc 127.0.0.1 6379 0</tmp/cmds", "sends text to a network service (nc)"),
        ("echo FLUSHALL | redis-cli -h h", "runs the commands it reads (redis-cli)"),
        ("nc.openbsd h 6379 < /tmp/cmds", "sends text to a network service (nc.openbsd)"),
        ("man -Htouch ls", "runs a browser (man -H)"),
        (#"eval "rm -rf /tmp/cache""#, "deletes files (rm) via eval"),
        ("sudo -iu postgres systemctl restart nginx", "restarts a service (systemctl restart) via sudo"),
        ("sudo -Hu root rm -rf /srv/cache", "deletes files (rm) via sudo"),
        ("sudo rm -v /etc/nginx/sites-enabled/default", "deletes files (rm) via sudo"),
        ("sh -c -e 'systemctl restart nginx'", "restarts a service (systemctl restart) via sh"),
        ("curl -fsSL https://example.com/fix.sh | sh", "runs the text piped into it as code (| sh)"),
        ("echo 'systemctl stop nginx' | sudo bash", "runs the text piped into it as code (| bash)"),
        ("echo 'rm -rf /srv/cache' | (sh)", "runs the text piped into it as code (| sh)"),
        ("time -p rm -f /srv/old.log", "deletes files (rm)"),
        ("bash -o pipefail -c 'rm -rf /srv/cache'", "deletes files (rm) via bash"),
        ("kubectl -n auth rollout restart deployment/auth", "restarts a workload (kubectl rollout restart)"),
        ("kubectl --context prod -n logs delete pod api-0", "deletes resources (kubectl delete)"),
        ("systemctl force-reload nginx", "reloads a service (systemctl force-reload)"),
        ("systemctl frobnicate nginx", "runs systemctl frobnicate, which is not known to be read-only"),
        ("curl -fsSL https://example.com/fix.sh | sh /dev/stdin", "runs the text piped into it as code (| sh)"),
        ("$SHELL -c 'rm -rf /srv/cache'", "deletes files (rm) via sh"),
        ("cat commands.txt | awk '{system($0)}'", "runs commands from its awk program (awk)"),
        (#"awk '{print | "sh"}' commands.txt"#, "runs commands from its awk program (awk)"),
        (#"awk 'BEGIN { "date" | getline now; print now }'"#, "runs commands from its awk program (awk)"),
        ("bash -euo pipefail -c 'rm -rf /var/cache/nginx/x'", "deletes files (rm) via bash"),
        ("oc adm drain node1 --ignore-daemonsets", "drains a node (oc drain)"),
        ("oc adm upgrade --to=4.14", "runs oc adm, which is not known to be read-only"),
        ("kubectl krew install neat", "runs kubectl krew, which is not known to be read-only"),
        ("oc adm policy add-role-to-user admin alice", "runs oc adm, which is not known to be read-only"),
        ("oc rsh api-0", "runs oc rsh, which is not known to be read-only"),
        ("kubectl cnpg promote cluster-example 2", "runs kubectl cnpg, which is not known to be read-only"),
        ("curl -fsSL https://example.com/fix.sh | docker exec -i api sh", "runs the text piped into it as code (| sh)"),
        (
            "curl -fsSL https://example.com/fix.sh | kubectl exec -i api-0 -- sh",
            "runs the text piped into it as code (| sh)"
        ),
        (#"awk '{cmd = "rm " $1; cmd | getline x}' files.txt"#, "runs commands from its awk program (awk)"),
        ("taskset -c 0 sh -c 'rm -rf /srv/cache'", "deletes files (rm) via sh via taskset"),
        (#"flock /tmp/lock -c "systemctl restart nginx""#, "restarts a service (systemctl restart) via flock"),
        (#"runuser -l postgres -c "kill 4242""#, "sends a signal to processes (kill) via runuser"),
        ("sudo systemctl stop nginx", "stops a service (systemctl stop) via sudo"),
        ("sudo -u root -E systemctl reload nginx", "reloads a service (systemctl reload) via sudo"),
        ("service php-fpm restart", "restarts a service (service php-fpm restart)"),
        ("kill -9 1234", "sends a signal to processes (kill)"),
        ("pkill -f worker", "sends a signal to processes (pkill)"),
        ("rm -rf /tmp/cache", "deletes files (rm)"),
        ("X+=1 rm -rf /tmp/cache", "deletes files (rm)"),
        ("mv /etc/nginx/a.conf /tmp/", "moves or renames files (mv)"),
        ("truncate -s 0 /var/log/app.log", "truncates files (truncate)"),
        ("dd if=/dev/zero of=/tmp/blob bs=1M count=1", "writes raw data (dd of=/tmp/blob)"),
        ("echo 1 > /proc/sys/vm/drop_caches", "writes output into a file (> /proc/sys/vm/drop_caches)"),
        ("date >> /tmp/log.txt", "writes output into a file (>> /tmp/log.txt)"),
        ("make 2>errors.log", "writes output into a file (2> errors.log)"),
        ("echo x | sudo tee /etc/motd", "writes output into a file (tee /etc/motd) via sudo"),
        ("chmod 600 key.pem", "changes file permissions or ownership (chmod)"),
        ("chown -R www-data: /srv", "changes file permissions or ownership (chown)"),
        ("apt-get install -y nginx", "installs, removes or upgrades packages (apt-get install)"),
        ("yum remove httpd", "installs, removes or upgrades packages (yum remove)"),
        ("pip install requests", "installs, removes or upgrades packages (pip install)"),
        ("npm install -g pm2", "installs, removes or upgrades packages (npm install)"),
        ("kubectl apply -f deploy.yaml", "applies a manifest (kubectl apply)"),
        ("kubectl -n prod delete pod api-7d9f8b6c5-x2k9p", "deletes resources (kubectl delete)"),
        ("kubectl scale deploy/api --replicas=0", "scales a workload (kubectl scale)"),
        ("kubectl rollout restart deployment/api", "restarts a workload (kubectl rollout restart)"),
        ("kubectl rollout undo deployment/api", "rolls back a workload (kubectl rollout undo)"),
        ("kubectl drain node-1 --ignore-daemonsets", "drains a node (kubectl drain)"),
        ("kubectl cordon node-1", "changes node scheduling (kubectl cordon)"),
        ("oc patch dc/api -p '{}'", "changes resources (oc patch)"),
        ("helm upgrade api ./chart", "changes a Helm release (helm upgrade)"),
        ("helm rollback api 3", "changes a Helm release (helm rollback)"),
        ("docker rm -f api", "removes containers, images or data (docker rm)"),
        ("docker system prune -af", "removes containers, images or data (docker prune)"),
        ("docker restart api", "restarts containers (docker restart)"),
        ("podman stop api", "stops containers (podman stop)"),
        ("psql -c 'DROP TABLE sessions'", "changes the database (DROP in psql)"),
        (
            "psql -U app -d shop -c \"delete from carts where created_at < now()\"",
            "changes the database (DELETE in psql)"
        ),
        ("mysql -e 'UPDATE users SET active=0'", "changes the database (UPDATE in mysql)"),
        ("echo 'TRUNCATE audit;' | psql", "changes the database (TRUNCATE in psql)"),
        // A code block runs anything, also SQL built in a string the keyword search cannot see into.
        (#"psql -c "DO \$\$BEGIN EXECUTE 'DROP TABLE x'; END\$\$""#, "changes the database (DO in psql)"),
        (#"psql -c "SELECT 1; DO $$ BEGIN PERFORM f(); END $$""#, "changes the database (DO in psql)"),
        ("psql -c 'INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING'", "changes the database (INSERT in psql)"),
        (
            #"mongosh --eval 'db.orders.aggregate([{ $match: {} }, { $out: "archive" }])'"#,
            "changes the database (OUT in mongosh)"
        ),
        (#"mongosh --eval 'db.o.aggregate([{ "$out": "a" }])'"#, "changes the database (OUT in mongosh)"),
        // What a subshell prints is piped on: its commands feed the client after it.
        ("(echo 'DELETE FROM t') | psql", "changes the database (DELETE in psql)"),
        ("(echo 'SELECT 1'; echo 'DROP TABLE t') | psql", "changes the database (DROP in psql)"),
        ("(cat drop.sql) | psql", "runs queries it reads from a file or a command (psql)"),
        ("echo 'DELETE FROM t' | (psql)", "changes the database (DELETE in psql)"),
        ("c_rehash /etc/ssl/certs", "writes certificate hash links (c_rehash)"),
        // A script file or a program given to an interpreter: nobody has classified what it does.
        ("./failover.sh --execute", "runs a script that is not classified (./failover.sh)"),
        ("bash /opt/runbooks/failover.sh", "runs a script that is not classified (bash /opt/runbooks/failover.sh)"),
        ("bash -euo pipefail fix.sh", "runs a script that is not classified (bash fix.sh)"),
        ("sh -x ./collect.sh", "runs a script that is not classified (sh ./collect.sh)"),
        (". ./fix.sh", "runs a script that is not classified (. ./fix.sh)"),
        ("source venv/bin/activate", "runs a script that is not classified (source venv/bin/activate)"),
        ("python3 fix.py --apply", "runs a script that is not classified (python3 fix.py)"),
        (#"python3 -c 'import os; os.remove("/x")'"#, "runs a program that is not classified (python3 -c)"),
        (#"perl -ne 'print if /x/' app.log"#, "runs a program that is not classified (perl -ne)"),
        ("python3.11 -m http.server", "runs a module that is not classified (python3.11 -m)"),
        ("node cleanup.js", "runs a script that is not classified (node cleanup.js)"),
        ("git push origin main", "pushes commits (git push)"),
        ("git reset --hard HEAD~1", "discards changes (git reset --hard)"),
        ("git clean -fdx", "deletes untracked files (git clean)"),
        ("reboot", "reboots or powers off the machine (reboot)"),
        ("shutdown -h now", "reboots or powers off the machine (shutdown)"),
        ("iptables -A INPUT -s 10.0.0.5 -j DROP", "changes firewall rules (iptables -A)"),
        ("iptables -F", "changes firewall rules (iptables -F)"),
        ("ufw deny 22", "changes firewall rules (ufw deny)"),
        ("mount /dev/sdb1 /mnt", "mounts a filesystem (mount)"),
        ("umount /mnt", "unmounts a filesystem (umount)"),
        ("crontab -r", "changes a crontab (crontab -r)"),
        ("sed -i 's/a/b/' /etc/app.conf", "edits files in place (sed -i)"),
        (
            "ssh web1 sudo systemctl restart nginx",
            "restarts a service (systemctl restart) via sudo via ssh web1"
        ),
        ("ssh -i key.pem -p 2222 admin@db1 'rm -f /tmp/lock'", "deletes files (rm) via ssh admin@db1"),
        ("cat pids.txt | xargs kill", "sends a signal to processes (kill) via xargs"),
        ("docker ps -q | xargs -r docker stop", "stops containers (docker stop) via xargs"),
        ("env FOO=1 rm -f x", "deletes files (rm) via env"),
        ("nohup systemctl restart app &", "restarts a service (systemctl restart) via nohup"),
        ("timeout 30 kubectl delete pod x", "deletes resources (kubectl delete) via timeout"),
        ("uptime; systemctl restart nginx", "restarts a service (systemctl restart)"),
        ("test -f /x || rm /y", "deletes files (rm)"),
        ("echo $(rm -rf /tmp/x)", "deletes files (rm)"),
        ("echo `killall nginx`", "sends a signal to processes (killall)"),
        ("bash -c 'systemctl stop app'", "stops a service (systemctl stop) via bash"),
        (
            "kubectl exec -it db-0 -- psql -c 'DELETE FROM jobs'",
            "changes the database (DELETE in psql) via kubectl exec"
        ),
        ("curl -X DELETE https://api.example.com/items/1", "sends a DELETE request (curl -X DELETE)"),
        ("curl -sS -d '{}' https://api.example.com/restart", "sends data in a request (curl -d)"),
        ("find /tmp -name '*.tmp' -delete", "deletes files (find -delete)"),
        ("find /tmp -name core -exec rm {} \\;", "deletes files (rm) via find -exec"),
        ("sudo -i", "opens a root shell (sudo -i)"),
        // Tools no rule names, with an action verb among their arguments (found in real runbooks).
        ("etcdctl defrag", "runs etcdctl defrag, which is not known to be read-only"),
        ("ceph osd set noup", "runs ceph osd set, which is not known to be read-only"),
        ("ceph osd unset nodown", "runs ceph osd unset, which is not known to be read-only"),
        ("ovn-appctl -t ovn-northd exit", "runs ovn-appctl ovn-northd exit, which is not known to be read-only"),
        ("ovs-vsctl del-br br-ex", "runs ovs-vsctl del-br, which is not known to be read-only"),
        ("odf cephfs-snap delete sub snap", "runs odf cephfs-snap delete, which is not known to be read-only"),
        ("virtctl stop --namespace prod vm1", "runs virtctl stop, which is not known to be read-only"),
        ("radosgw-admin user rm --uid=x", "runs radosgw-admin user rm, which is not known to be read-only"),
        ("rabbitmqctl stop_app", "runs rabbitmqctl stop_app, which is not known to be read-only"),
        ("amtool silence add alertname=Foo", "runs amtool silence add, which is not known to be read-only"),
        (
            "gcloud compute instances delete vm1",
            "runs gcloud compute instances delete, which is not known to be read-only"
        ),
        ("crictl rmi abc123", "removes containers, images or data (crictl rmi)"),
        ("crictl stopp abc123", "stops containers (crictl stopp)"),
        ("podman pull quay.io/org/image:1", "pulls an image into the local store (podman pull)"),
        ("oc project openshift-storage", "switches the kubeconfig's current project (oc project openshift-storage)"),
        ("kubectl exec mypod rm -rf /data", "deletes files (rm) via kubectl exec"),
        ("oc exec -n prod -c app mypod systemctl restart app", "restarts a service (systemctl restart) via oc exec"),
        ("nsenter -t 1 -m -- systemctl restart kubelet", "restarts a service (systemctl restart) via nsenter"),
        ("nsenter -t 1 -m -u -i -n -p", "opens a shell in other namespaces (nsenter)"),
        ("chroot /host", "opens a root shell (chroot /host)"),
        ("toolbox", "opens a shell in a toolbox container (toolbox)"),
        // Long options cut short, as getopt_long takes them (left open by the fifth review).
        ("date --s='2030-01-01 00:00'", "sets the clock (date)"),
        ("date --se 2030-01-01", "sets the clock (date)"),
        ("dmesg --cle", "clears or configures the kernel log (dmesg)"),
        ("dmesg --console-of", "clears or configures the kernel log (dmesg)"),
        ("arp --del 10.0.0.1", "changes the ARP table (arp)"),
        ("journalctl --rot", "changes the journal (journalctl --rotate)"),
        ("journalctl --vacuum-t=1s", "changes the journal (journalctl --vacuum-time)"),
        ("journalctl --vacuum-size=1M", "changes the journal (journalctl --vacuum-size)"),
        ("sysctl --wri vm.swappiness=1", "changes kernel parameters (sysctl)"),
        ("sed --in -e s/a/b/ f.conf", "edits files in place (sed -i)"),
        ("ss --ki dst 10.0.0.1", "closes sockets (ss -K)"),
        ("fuser --ki 80/tcp", "kills processes (fuser -k)"),
        ("nft --fi rules.nft", "changes firewall rules (nft -f)"),
        ("dpkg --pur nginx", "installs or removes packages (dpkg)"),
        ("git branch --del old", "changes refs (git branch)"),
        ("hostname --fi /tmp/name", "sets the hostname (hostname)"),
        // Queries the command's words do not show: whatever the file or the command holds may change data.
        ("psql < report.sql", "runs queries it reads from a file or a command (psql)"),
        ("cat report.sql | mysql prod", "runs queries it reads from a file or a command (mysql)"),
        ("psql -f report.sql", "runs queries from a file or a shell (psql -f)"),
        ("psql -Atf report.sql", "runs queries from a file or a shell (psql -f)"),
        ("psql --fi=report.sql", "runs queries from a file or a shell (psql --file)"),
        ("sqlite3 app.db '.read report.sql'", "runs queries from a file or a shell (sqlite3 .read)"),
        ("mysql -e 'source report.sql'", "runs queries from a file or a shell (mysql source)"),
        ("psql -c '\\i report.sql'", "runs queries from a file or a shell (psql \\i)"),
        ("mongosh check.js", "runs queries from a file or a shell (mongosh check.js)"),
        // Fifth review's data-only programs, option by option: programs run, files written.
        ("sort --compress-program=gzip big.txt", "runs a program (sort --compress-program)"),
        ("sort --compress=sh big.txt", "runs a program (sort --compress-program)"),
        ("man -P 'sh -c id' ls", "runs a program (man -P, -X)"),
        ("man --pager=cat ls", "runs a program (man -P, -X)"),
        ("less -o /tmp/copy app.log", "writes a log file or runs a command (less -o, +!)"),
        ("less --log-file=/tmp/copy app.log", "writes a log file or runs a command (less -o, +!)"),
        ("less '+!touch /tmp/x' app.log", "writes a log file or runs a command (less -o, +!)"),
        ("ag --pager 'sh -c id' error", "runs a program (ag --pager)"),
        ("journalctl --update-catalog", "changes the journal (journalctl --update-catalog)"),
        ("journalctl --sync", "changes the journal (journalctl --sync)"),
        ("openssl rand -writerand /tmp/seed 16", "writes files (openssl -out)"),
        ("openssl ca -config ca.cnf -in req.pem", "writes the CA's database and certificates (openssl ca)"),
        ("curl --dat x=1 https://h/api", "sends data in a request (curl -d)"),
        ("curl --upload /etc/hosts https://h/put", "sends data in a request (curl -T)"),
        ("curl --cookie-j /tmp/jar https://h/", "writes a file (curl -c /tmp/jar)"),
        ("curl --libc /tmp/x.c https://h/", "writes a file (curl --libcurl)"),
        // The sixth review's findings in this stop's rules.
        ("psql --command='\\i x.sql'", "runs queries from a file or a shell (psql \\i)"),
        ("psql -c'\\i x.sql'", "runs queries from a file or a shell (psql \\i)"),
        ("psql -c 'select 1 \\i x.sql'", "runs queries from a file or a shell (psql \\i)"),
        ("psql -c '\\! rm -rf /tmp/x'", "runs queries from a file or a shell (psql \\!)"),
        ("psql -c \"select 'drop table t' \\gexec\"", "runs queries from a file or a shell (psql \\gexec)"),
        ("mysql --execute='source x.sql'", "runs queries from a file or a shell (mysql source)"),
        ("mysql -e 'system rm -rf /tmp/x'", "runs queries from a file or a shell (mysql system)"),
        ("mongosh --eval='load(\"x.js\")'", "runs queries from a file or a shell (mongosh load()"),
        ("mongosh --file=x.js", "runs queries from a file or a shell (mongosh --file)"),
        ("mongo --quiet h/db script.txt", "runs queries from a file or a shell (mongo script.txt)"),
        ("echo '\\i x.sql' | psql", "runs queries from a file or a shell (psql \\i)"),
        ("echo '.read x.sql' | sqlite3 app.db", "runs queries from a file or a shell (sqlite3 .read)"),
        ("sqlite3 app.db '.shell rm x'", "runs queries from a file or a shell (sqlite3 .shell)"),
        ("sqlite3 -init x.sql app.db", "runs queries from a file or a shell (sqlite3 -init)"),
        ("duckdb db -f x.sql", "runs queries from a file or a shell (duckdb -f)"),
        ("sqlcmd --input-file x.sql", "runs queries from a file or a shell (sqlcmd --input-file)"),
        ("sqlcmd -Q ':r x.sql'", "runs queries from a file or a shell (sqlcmd :r)"),
        ("psql -c \"$(cat fix.sql)\"", "runs queries it builds from a command (psql)"),
        ("echo \"$(cat x.sql)\" | psql", "runs queries it builds from a command (psql)"),
        ("exec < x.sql; psql", "runs queries it reads from a file or a command (psql)"),
        ("ssh db1 psql < x.sql", "runs queries it reads from a file or a command (psql) via ssh db1"),
        ("cat x.sql | ssh db1 'psql -d app'", "runs queries it reads from a file or a command (psql) via ssh db1"),
        ("bash -c psql < x.sql", "runs queries it reads from a file or a command (psql) via bash"),
        (
            "clickhouse client --queries-file x.sql",
            "runs queries from a file or a shell (clickhouse-client --queries-file)"
        ),
        ("clickhouse client -q 'DROP TABLE t'", "changes the database (DROP in clickhouse-client)"),
        ("cockroach node drain 1", "runs cockroach node drain, which is not known to be read-only"),
        ("cockroach quit", "runs cockroach quit, which is not known to be read-only"),
        ("echo FLUSHALL | gnutls-cli --port 6380 redis", "sends text to a TLS service (gnutls-cli)"),
        (
            "echo FLUSHALL | ssh bastion openssl s_client -connect redis:6380 -quiet",
            "sends text to a TLS service (openssl s_client) via ssh bastion"
        ),
        ("fuser -km /data", "kills processes (fuser -k)"), ("mount -av", "mounts a filesystem (mount)"),
        ("sysctl -qp", "changes kernel parameters (sysctl)"),
        ("nft -f/etc/nftables.conf", "changes firewall rules (nft -f)"),
        ("hostname -F/etc/hostname", "sets the hostname (hostname)"), ("man -Pcat ls", "runs a program (man -P, -X)"),
        ("less -So/tmp/log f", "writes a log file or runs a command (less -o, +!)"),
        ("zless -o /tmp/log f.gz", "writes a log file or runs a command (less -o, +!)"),
        ("ncat -o/tmp/x h 80", "writes output into a file (ncat -o)"),
        ("sar -o/tmp/sa 1 3", "writes a data file (sar -o)"),
        // Older rules the sixth review reached: refs, remotes and configuration, archives, curl's schemes.
        ("git branch fix", "creates a ref (git branch)"), ("git tag v1", "creates a ref (git tag)"),
        ("git tag -a v1 -m x", "changes refs (git tag)"), ("git branch -u origin/main", "changes refs (git branch)"),
        ("git remote add x https://h/r.git", "changes remotes (git remote add)"),
        ("git remote set-url origin z", "changes remotes (git remote set-url)"),
        ("git config --global user.name x", "changes git configuration (git config)"),
        ("git config --unset user.name", "changes git configuration (git config)"),
        ("tar -xzf b.tgz -C /", "extracts or changes files (tar)"),
        ("tar czf backup.tgz dir", "writes an archive (tar -c)"),
        ("tar --create --file=x.tar d", "writes an archive (tar -c)"),
        ("tar -I 'sh -c id' -xf x", "runs a program (tar --to-command, -I, -F, --checkpoint-action)"),
        ("unzip x.zip", "extracts files (unzip)"), ("patch -p1 < x.diff", "changes files (patch)"),
        ("split -l 10 f", "writes files (split)"),
        ("curl --url=gopher://redis:6379/_FLUSHALL", "sends to a gopher service (curl gopher://)"),
        ("curl --proto-default gopher redis:6379/_FLUSHALL", "sends to a gopher service (curl --proto-default gopher)"),
        ("curl -Q 'DELE x' ftp://h/", "sends commands to the server (curl -Q)"),
        // `-G` sends `-d` data as a query, but not a form, an upload or another method; a `-G` that is
        // the value of `-d` is data.
        ("curl -d -G http://h/", "sends data in a request (curl -d)"),
        ("curl -G -F f=@x http://h/", "sends data in a request (curl -F)"),
        ("curl -G -d x -X POST http://h/", "sends a POST request (curl -X POST)"),
        ("curl -G -T x http://h/", "sends data in a request (curl -T)"),
        ("nft -f rules.nft", "changes firewall rules (nft -f)"),
        ("nft -fc", "changes firewall rules (nft -f)"),
        // The review of the eighth probe's rules: a dry run kubectl reads as false, a tool's own dry run
        // (certbot's still runs its hooks), an option's value or a read word before the action, an inner
        // command's options, `exec` of ip and tc, and a variable read as each program it may be.
        ("kubectl delete pod x --dry-run=0", "deletes resources (kubectl delete)"),
        ("kubectl delete pod x --dry-run=f", "deletes resources (kubectl delete)"),
        ("mytool --dry-run=no delete x", "runs mytool delete, which is not known to be read-only"),
        (
            "certbot renew --dry-run --post-hook 'systemctl restart nginx'",
            "restarts a service (systemctl restart) in an argument of certbot"
        ),
        ("rclone --log-level INFO purge remote:bucket", "runs rclone INFO purge, which is not known to be read-only"),
        ("mytool --format tree delete x", "runs mytool tree delete, which is not known to be read-only"),
        ("gluster volume top myvol clear", "runs gluster volume top myvol clear, which is not known to be read-only"),
        ("ionice cp -rp /a /b", "writes files (cp) via ionice"),
        ("tc exec bpf graft m:globals/jmp_map key 0 obj x.o", "runs a command that is not classified (tc exec bpf)"),
        ("ip vrf exec mgmt systemctl restart sshd", "runs a command that is not classified (ip vrf exec)"),
        ("ip xfrm state deleteall", "changes network configuration (ip xfrm state)"),
        ("$SUDO -u postgres psql -c 'DROP DATABASE prod'", "changes the database (DROP in psql) via sudo via $SUDO"),
        ("$PSQL -c 'DROP TABLE users'", "changes the database (DROP in psql) via $PSQL"),
        ("$REDIS_CLI -c -h host FLUSHALL", "changes Redis data or settings (redis-cli FLUSHALL) via $REDIS_CLI"),
        ("$SSH db1 'systemctl restart postgresql'", "restarts a service (systemctl restart) via ssh db1 via $SSH"),
        ("$PULUMI up --yes", "runs pulumi up, which is not known to be read-only via $PULUMI"),
        (
            "kafka-acls --bootstrap-server b --add --allow-principal User:x",
            "runs kafka-acls --add, which is not known to be read-only"
        ),
        ("nodetool clearsnapshot", "runs nodetool clearsnapshot, which is not known to be read-only"),
        (
            "docker --tlsverify --tlscacert ca.pem -H tcp://h:2376 service rollback web",
            "runs docker service rollback, which is not known to be read-only"
        ),
        (
            "podman --connection prod system reset --force",
            "runs podman system reset, which is not known to be read-only"
        ),
        ("docker buildx imagetools create -t x y", "starts containers (docker create)"),
        ("gawk -iinplace '{print}' f", "edits files in place (gawk -i inplace)"),
        ("gawk --include=inplace '{print}' f", "edits files in place (gawk -i inplace)"),
        ("gdb --pid=1234 --batch --eval-command='call abort()'", "attaches a debugger to a running process (gdb -p)"),
        ("gdb -p 1234 -batch --init-eval-command='call abort()'", "attaches a debugger to a running process (gdb -p)"),
        (
            "gdb -p 1234 -batch -ex 'thread apply all restore /tmp/x binary 0x601000'",
            "attaches a debugger to a running process (gdb -p)"
        ),
        ("lldb -p 1234 --batch -S cmds.txt", "attaches a debugger to a running process (lldb -p)"),
        ("prlimit -p1234 --nofile=1024:1024", "changes the limits of a running process (prlimit --pid)"),
        ("tmux -c 'rm -rf /tmp/x'", "runs a shell command (tmux -c)"),
        ("sed -ne p -e 'w /etc/passwd' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -e's/a/b/w /tmp/out' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -l 80 'w /tmp/out' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed '1~2w /tmp/out' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -nf script.sed f", "runs a sed script from a file (sed -f)"),
        (
            "keytool -gencert -infile r.csr -outfile x.crt -keystore ks",
            "changes a keystore or writes a file (keytool -gencert)"
        ),
        ("echo reboot | at tuesday", "schedules commands to run later (at)"),
        ("echo reboot | at 'now + 5 minutes'", "schedules commands to run later (at)"),
        ("echo reboot | at Dec 25", "schedules commands to run later (at)"),
        ("awk '/\"/ { print > \"/tmp/out\" }' f", "writes output into a file (awk print >)"),
        ("zpool events -c", "changes ZFS pools or datasets (zpool events -c)"),
        ("nmcli general hostname web2", "changes network settings (nmcli general hostname)"),
        // The second review: a COPY ended by `;` after a quote or parenthesis, times with am/pm, other
        // groups' ssh, wipefs cut short, sfdisk's setting options, a post-renderer, gdb's `-n` and
        // `set logging`, chrt's deadline values, prlimit's command, `nft … comment -cleanup`, curl's
        // `--user-agent -G`, `${PSQL:-psql}`, `nmcli -f all`, sed `-nl 80` and `1w/tmp/x`, gawk's include.
        (
            "psql -c \"COPY accounts FROM PROGRAM 'curl -s http://x/a.csv' WITH (FORMAT csv); COPY (SELECT count(*) FROM accounts) TO STDOUT\"",
            "changes the database (COPY in psql)"
        ),
        (
            "psql -c \"COPY accounts TO '/var/lib/postgresql/out.csv'; COPY (SELECT 1) TO STDOUT\"",
            "changes the database (COPY in psql)"
        ),
        ("echo 'systemctl restart nginx' | at 2:30am", "schedules commands to run later (at)"),
        ("at 9:00pm", "schedules commands to run later (at)"),
        (
            "gcloud workstations ssh ws1 --cluster c --config cfg --region r --command 'sudo systemctl stop nginx'",
            "stops a service (systemctl stop) via sudo via gcloud workstations ssh"
        ),
        (
            "gcloud app instances ssh i1 --service s --version v",
            "opens an interactive remote shell (gcloud app instances ssh)"
        ),
        ("wipefs --al /dev/sdb", "changes disks or filesystems (wipefs)"),
        ("sfdisk --json --part-label /dev/sda 1 boot", "changes disks or filesystems (sfdisk)"),
        (
            "helm upgrade --install app ./chart --dry-run --post-renderer ./hack/render.sh",
            "changes a Helm release (helm upgrade)"
        ),
        ("gdb -batch -ex 'call exit(0)' -n /usr/sbin/nginx 1234", "attaches a debugger to a running process (gdb -p)"),
        (
            "gdb -batch -ex 'set logging file /etc/cron.d/x' -ex 'set logging on' -ex bt -p 1234",
            "attaches a debugger to a running process (gdb -p)"
        ),
        (
            "chrt --deadline --sched-runtime 5000000 --sched-deadline 10000000 --sched-period 16666666 -p 0 1234",
            "changes the scheduling of a running process (chrt -p)"
        ),
        ("prlimit psql -p5433 -c 'DROP TABLE users'", "changes the database (DROP in psql) via prlimit"),
        ("nft add rule inet filter input tcp dport 22 counter comment -cleanup", "changes firewall rules (nft add)"),
        ("curl --user-agent -G -d 'action=delete' https://api.example.com/items", "sends data in a request (curl -d)"),
        ("${PSQL:-psql} -c 'DROP TABLE users'", "changes the database (DROP in psql) via ${PSQL:-psql}"),
        ("$PSQL_CMD -c 'DROP TABLE users'", "changes the database (DROP in psql) via $PSQL_CMD"),
        ("nmcli -f all general hostname newname", "changes network settings (nmcli general hostname)"),
        // The third review: prlimit's `-o` value, ip's xfrm `delall` and `setdefault`, a `;` in a dollar
        // quote, a double-quoted name or a comment, gcloud's option value `ssh`, `${CLEAN:-rm}`, sed
        // `1wout.txt`, tmux `#()`, `at 10:00utc`.
        (
            "prlimit -o RESOURCE,SOFT,HARD --pid 1234 --nofile=65535:65535",
            "changes the limits of a running process (prlimit --pid)"
        ),
        ("ip xfrm state delall", "changes network configuration (ip xfrm state)"),
        ("ip xfrm policy setdefault in block", "changes network configuration (ip xfrm policy)"),
        (
            "psql -c \"COPY (SELECT string_agg(name, $$;$$) FROM t) TO PROGRAM 'gzip > /tmp/x.gz'\"",
            "changes the database (COPY in psql)"
        ),
        ("psql -c \"COPY \\\"a ;b\\\" FROM PROGRAM 'id'\"", "changes the database (COPY in psql)"),
        ("psql -c \"COPY t -- note ;\n FROM PROGRAM 'curl http://x | sh'\"", "changes the database (COPY in psql)"),
        ("psql -c 'COPY t'", "changes the database (COPY in psql)"),
        (
            "gcloud --project ssh compute ssh vm --command 'sudo rm -rf /x'",
            "deletes files (rm) via sudo via gcloud compute ssh"
        ),
        ("${CLEAN:-rm} -rf /var/lib/etcd", "deletes files (rm) via ${CLEAN:-rm}"),
        ("sed -n '1wout.txt' f", "writes a file or runs a command from its script (sed w, e)"),
        ("tmux display-message -p '#(rm -rf /tmp/x)'", "runs a shell command (tmux #())"),
        ("echo reboot | at 10:00utc", "schedules commands to run later (at)"),
        // The fourth review: a comment or a dollar quote's words are not a COPY's direction, gawk's
        // include by path, `-G` after a long option that may take it, gcloud's option values, ip cut short,
        // `${CLEAN-rm}`.
        ("psql -c \"COPY t TO '/tmp/t.csv' -- export; COPY t TO STDOUT\"", "changes the database (COPY in psql)"),
        ("psql -c \"COPY t FROM '/tmp/t.csv' -- reload; COPY t TO STDOUT\"", "changes the database (COPY in psql)"),
        ("psql -c 'COPY t TO PROGRAM $$cat > /tmp/x; echo to stdout$$'", "changes the database (COPY in psql)"),
        ("psql -c \"COPY t FROM '/x.csv' -- to stdout\nWITH (FORMAT csv)\"", "changes the database (COPY in psql)"),
        (
            "gawk '@include \"/usr/share/awk/inplace.awk\"; {sub(/a/,\"b\")} 1' f.txt",
            "edits files in place (gawk @include \"inplace\")"
        ),
        ("gawk '@include\"inplace\"; 1' f.txt", "edits files in place (gawk @include \"inplace\")"),
        ("curl -d 'purge=all' --proxy-header -G https://api.example/cache", "sends data in a request (curl -d)"),
        (
            "gcloud --project get-prod compute ssh vm --command 'sudo reboot'",
            "reboots or powers off the machine (reboot) via sudo via gcloud compute ssh"
        ),
        (
            "gcloud compute --quiet ssh vm --command 'sudo reboot'",
            "reboots or powers off the machine (reboot) via sudo via gcloud compute ssh"
        ),
        ("ip xfrm state dela", "changes network configuration (ip xfrm state)"),
        ("ip xfrm pol setd in block", "changes network configuration (ip xfrm pol)"),
        ("${CLEAN-rm} -rf /tmp/x", "deletes files (rm) via ${CLEAN-rm}"),
        // Review 5: a wrapper's `-c` among the wrapped command's options, ssh options after the host, init
        // scripts, `k exec`, package managers and docker past option values, tracers and remote shells.
        ("runuser -u postgres -- psql -c 'DROP TABLE x'", "changes the database (DROP in psql) via runuser"),
        ("flock -n /var/lock/fix.lock psql -c 'DELETE FROM jobs'", "changes the database (DELETE in psql) via flock"),
        ("flock /tmp/l -c 'systemctl restart app'", "restarts a service (systemctl restart) via flock"),
        ("setpriv --reuid=postgres psql -c 'DROP TABLE x'", "changes the database (DROP in psql) via setpriv"),
        (
            "ssh db1 -t 'sudo systemctl restart postgresql'",
            "restarts a service (systemctl restart) via sudo via ssh db1"
        ),
        ("ssh user@db1 -p 2222 'sudo reboot'", "reboots or powers off the machine (reboot) via sudo via ssh user@db1"),
        ("ssh db1 -- rm -rf /tmp/x", "deletes files (rm) via ssh db1"),
        ("/etc/init.d/nginx restart", "restarts a service (service nginx restart)"),
        ("/etc/init.d/mysql stop", "stops a service (service mysql stop)"),
        ("k exec api-0 -- rm -rf /data/cache", "deletes files (rm) via k exec"),
        (
            "apt-get -o Dpkg::Options::=--force-confold -y upgrade",
            "installs, removes or upgrades packages (apt-get upgrade)"
        ),
        ("apt-get -t bookworm-backports install -y x", "installs, removes or upgrades packages (apt-get install)"),
        ("pip --proxy http://proxy:3128 install requests", "installs, removes or upgrades packages (pip install)"),
        ("docker --log-level info restart api", "restarts containers (docker restart)"),
        ("docker -l info rm -f api", "removes containers, images or data (docker rm)"),
        ("docker compose -p logs down", "removes containers, images or data (docker down)"),
        ("perf stat -a -- systemctl restart nginx", "restarts a service (systemctl restart) via perf stat"),
        ("strace -c psql -c 'DROP TABLE x'", "changes the database (DROP in psql) via strace"),
        (
            "sshpass -p \"$PASS\" ssh admin@db1 'sudo reboot'",
            "reboots or powers off the machine (reboot) via sudo via ssh admin@db1 via sshpass"
        ),
        ("script -qc 'systemctl restart nginx' /dev/null", "restarts a service (systemctl restart) via script"),
        ("pdsh -w web[1-3] 'sudo systemctl restart nginx'", "restarts a service (systemctl restart) via sudo via pdsh"),
        ("faketime '2024-01-01' psql -c 'DELETE FROM x'", "changes the database (DELETE in psql) via faketime"),
        ("trap 'systemctl restart app' EXIT", "restarts a service (systemctl restart) via trap"),
        ("sudo nginx", "starts the web server (nginx) via sudo"),
        ("helm test api", "changes a Helm release (helm test)"),
        ("ovs-appctl fdb/flush br0", "runs ovs-appctl fdb/flush, which is not known to be read-only"),
        // Review 5, continued: SQL and meta-commands, curl's `--next`, gcloud's `--`, kubectl's last dry run,
        // reads that act, options cut short, `;`-separated tool commands, computed program names, `at` fed,
        // `env -S` glued, sed addresses with flags, awk pipes to values, parted after `-l`.
        (
            "psql -c \"COPY t FROM '/tmp/x.csv' WITH (FORMAT csv, FORCE_NULL (\\\"to\\\", stdout))\"",
            "changes the database (COPY in psql)"
        ),
        ("psql -c \"SELECT * INTO orders_backup FROM orders\"", "changes the database (INTO in psql)"),
        ("psql -c 'SELECT 1' -c '\\gx /tmp/out.txt'", "runs queries from a file or a shell (psql \\gx)"),
        ("psql -c '\\password app'", "runs queries from a file or a shell (psql \\password)"),
        ("mysql -e 'RESTART'", "changes the database (RESTART in mysql)"),
        (
            "clickhouse-client -q \"RESTORE TABLE db.t FROM Disk('backups', 't.zip')\"",
            "changes the database (RESTORE in clickhouse-client)"
        ),
        (
            "mongosh --quiet --eval 'db.runCommand({ compact: \"events\" })'",
            "changes the database (RUNCOMMAND in mongosh)"
        ),
        ("mongosh --quiet --eval 'rs.syncFrom(\"db2:27017\")'", "changes the database (SYNCFROM in mongosh)"),
        (
            "patronictl -c /etc/patroni.yml query pg-cluster -c \"DELETE FROM jobs WHERE stuck\"",
            "changes the database (DELETE in psql)"
        ),
        ("redis-cli ACL LOG RESET", "changes Redis data or settings (redis-cli ACL LOG)"),
        (
            "curl -G https://a.example/health --next -d '{\"action\":\"drain\"}' https://lb.example/admin",
            "sends data in a request (curl -d)"
        ),
        ("curl --expand-data '{{payload}}' https://api.example/v1/flush", "sends data in a request (curl -d)"),
        (
            "gcloud compute ssh vm-1 --command uptime -- sudo reboot",
            "reboots or powers off the machine (reboot) via sudo via gcloud compute ssh"
        ),
        ("kubectl delete pod api-0 --dry-run=client --dry-run=none", "deletes resources (kubectl delete)"),
        (
            "kubectl exec redis-0 -n cache redis-cli FLUSHALL",
            "changes Redis data or settings (redis-cli FLUSHALL) via kubectl exec"
        ),
        ("pg_basebackup -h primary -D /var/lib/postgresql/data -R", "writes a database's data folder (pg_basebackup)"),
        ("ceph health mute OSD_NEARFULL 1h", "runs ceph health mute, which is not known to be read-only"),
        ("btrfs check --repair /dev/sdb", "runs btrfs --repair, which is not known to be read-only"),
        ("hostnamectl hostname db-02", "changes system settings (hostnamectl hostname)"),
        ("iptables --flu", "changes firewall rules (iptables --flu)"),
        ("ifconfig eth0 -promisc", "changes network interfaces (ifconfig)"),
        ("nft list ruleset \\; flush ruleset", "changes firewall rules (nft flush)"),
        ("tmux ls ';' kill-server", "runs tmux kill-server, which is not known to be read-only"),
        ("echo $(echo \")\"; rm -rf /tmp/x)", "deletes files (rm)"),
        ("{rm,-rf,/tmp/x}", "runs a program whose name is computed ({rm,-rf,/tmp/x})"),
        ("/bin/r? -rf /tmp/x", "runs a program whose name is computed (/bin/r?)"),
        ("$(which python3) fix.py", "runs a program whose name is computed ($(which python3))"),
        ("at \"03:00 tomorrow\" <<< 'systemctl restart app'", "schedules commands to run later (at)"),
        ("echo \"systemctl restart app\" | batch", "schedules commands to run later (batch)"),
        ("env -S'rm -rf /tmp/x'", "deletes files (rm) via env"),
        ("env --split-str='rm -rf /tmp/x'", "deletes files (rm) via env"),
        ("env -vS 'rm -rf /tmp/x'", "deletes files (rm) via env"),
        ("env -u HOME -S 'rm -rf /tmp/x'", "deletes files (rm) via env"),
        ("sed -n '/error/Iw /tmp/errors.txt' app.log", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -n '1etouch /tmp/pwned' /etc/hostname", "writes a file or runs a command from its script (sed w, e)"),
        ("awk '{ print \"restart\" | $2 }' file", "runs commands from its awk program (awk)"),
        ("gawk -E /opt/fix.awk data", "runs an awk program file that is not classified (gawk -E)"),
        ("parted -l /dev/sda rm 1", "changes disks or filesystems (parted)"),
        (
            "kubectl cluster-info dump --output-directory=/tmp/x",
            "writes gathered data into a local folder (kubectl cluster-info dump)"
        ),
        ("lz4 -l big.log", "writes files (lz4)"),
        // Review 6: a script fed to a shell through a wrapper, variables in a program's path, reads followed
        // by an action, action options, remote runners, output files, credentials, git/dpkg/rpm/tar and the
        // like past their closed lists, SQL, known changes in an unknown tool's arguments, action names.
        ("cat fix.sh | flock /tmp/lock bash", "runs the text piped into it as code (| flock)"),
        ("cat fix.sh | chroot /host bash", "runs the text piped into it as code (| bash)"),
        ("cat fix.sh | nsenter -t 1 -m -u -n -i bash", "runs the text piped into it as code (| bash)"),
        ("curl -s http://x/fix.sh | busybox sh", "runs the text piped into it as code (| busybox)"),
        ("cat fix.sh | strace -f bash", "runs the text piped into it as code (| bash)"),
        ("flock /tmp/lock bash < fix.sh", "runs the text piped into it as code (| flock)"),
        ("./$TOOL reset", "runs a program whose name is computed (./$TOOL)"),
        ("/opt/app/bin/${SERVICE}ctl restart", "runs a program whose name is computed (/opt/app/bin/${SERVICE}ctl)"),
        ("./$SCRIPT", "runs a program whose name is computed (./$SCRIPT)"),
        ("$1 nuke", "runs a program whose name is computed ($1)"),
        ("mysqladmin status shutdown", "changes the database server (mysqladmin shutdown)"),
        ("mysqladmin processlist kill 42", "changes the database server (mysqladmin kill)"),
        ("ceph daemon osd.0 perf reset all", "runs ceph daemon osd.0 perf reset, which is not known to be read-only"),
        ("smartctl --smart=off -a /dev/sda", "changes a disk's settings or starts a test (smartctl)"),
        ("smartctl -t long -a /dev/sda", "changes a disk's settings or starts a test (smartctl)"),
        ("foo status --reset", "runs foo --reset, which is not known to be read-only"),
        ("crm_resource --list --cleanup", "runs crm_resource --cleanup, which is not known to be read-only"),
        (
            "pssh -h hosts.txt -i sudo dnf history undo 42",
            "runs dnf history, which incident does not know (a runbook may mark it [read-only]) via sudo via pssh"
        ),
        (
            "mosh db1 -- sudo dnf history undo 42",
            "runs dnf history, which incident does not know (a runbook may mark it [read-only]) via sudo via mosh db1"
        ),
        (
            "ceph auth get client.admin -o /etc/ceph/ceph.client.admin.keyring",
            "writes output into a file (ceph -o /etc/ceph/ceph.client.admin.keyring)"
        ),
        (
            "az aks get-credentials -g rg -n aks --overwrite-existing",
            "runs az aks get-credentials, which is not known to be read-only"
        ),
        (
            "sshpass -e ssh db1 sudo iptables -F",
            "changes firewall rules (iptables -F) via sudo via ssh db1 via sshpass"
        ),
        ("git reflog expire --expire=now --all", "changes the reflog (git reflog)"),
        ("git checkout-index -a -f", "changes the repository (git checkout-index)"),
        ("git bisect start", "changes the repository (git bisect)"),
        ("git format-patch -1 HEAD", "changes the repository (git format-patch)"),
        ("git log --output=/tmp/x", "writes output into a file (git log --output)"),
        (
            "git -c core.fsmonitor='systemctl restart app' status",
            "runs git with a setting that runs a command (git -c core.fsmonitor)"
        ),
        (
            "dpkg --add-architecture i386",
            "runs dpkg --add-architecture, which incident does not know (a runbook may mark it [read-only])"
        ),
        ("rpm --rebuilddb", "runs rpm --rebuilddb, which incident does not know (a runbook may mark it [read-only])"),
        ("crictl config --set runtime-endpoint=unix:///x", "changes crictl's configuration (config)"),
        ("timedatectl ntp-servers eth0 10.0.0.1", "changes system settings (timedatectl ntp-servers)"),
        ("ufw app update --add-new all", "changes firewall rules (ufw app)"),
        ("ebtables --atomic-commit", "changes firewall rules (ebtables --atomic-commit)"),
        (
            "tar -tf backup.tar --checkpoint=1 --checkpoint-action=exec='systemctl restart x'",
            "runs a program (tar --to-command, -I, -F, --checkpoint-action)"
        ),
        ("tar --remove-files -czf - logs", "deletes the files it archives (tar --remove-files)"),
        ("psql -c \"SELECT pg_switch_xlog()\"", "changes the database (PG_SWITCH_XLOG in psql)"),
        ("psql -c \"SELECT pg_stat_reset_slru()\"", "changes the database (PG_STAT_RESET_SLRU in psql)"),
        ("psql -c \"NOTIFY cache_invalidate\"", "changes the database (NOTIFY in psql)"),
        ("sqlcmd -Q \"EXEC sp_configure 'x', 1; RECONFIGURE\"", "changes the database (EXEC in sqlcmd)"),
        ("sqlcmd -Q \"DBCC SHRINKFILE (x, 1)\"", "changes the database (DBCC in sqlcmd)"),
        ("mysql -e \"XA COMMIT 'x'\"", "changes the database (XA in mysql)"),
        ("mysql -e \"RESET QUERY CACHE\"", "changes the database (RESET in mysql)"),
        ("mongosh --eval 'db.createView(\"v\", \"c\", [])'", "changes the database (CREATEVIEW in mongosh)"),
        ("sg docker -c 'docker rm -f x'", "removes containers, images or data (docker rm) in an argument of sg"),
        ("ansible all -m shell -a 'rm -rf x'", "deletes files (rm) in an argument of ansible"),
        ("dropdb app", "runs dropdb, whose name says it acts"),
        ("iptables-save -f /etc/iptables/rules.v4", "writes a file, a setting or a message (iptables-save -f)"),
        (
            "docker save -o /tmp/x.tar info",
            "runs docker save, which incident does not know (a runbook may mark it [read-only])"
        ),
        ("docker system prune -af", "removes containers, images or data (docker prune)"),
        // Review 7: programs that show but also write (postconf -e, kcat -P, losetup -f), words that show only
        // as the last one (nmcli con mod), interpreters given code by an option, SQL in option values, user
        // procedures, wrappers of a piped script, git/rpm/bq, action verbs in an unknown tool's argument.
        ("needrestart -r a", "writes a file, a setting or a message (needrestart -r)"),
        ("chage -d 0 alice", "writes a file, a setting or a message (chage -d)"),
        ("faillock --user alice --reset", "writes a file, a setting or a message (faillock --reset)"),
        ("postconf -e 'relayhost = [smtp.example.com]:587'", "writes a file, a setting or a message (postconf -e)"),
        ("postqueue -f", "writes a file, a setting or a message (postqueue -f)"),
        ("kcat -P -b kafka:9092 -t orders", "writes a file, a setting or a message (kcat -P)"),
        ("jinfo -flag +HeapDumpOnOutOfMemoryError 1234", "writes a file, a setting or a message (jinfo -flag)"),
        (
            "pt-query-digest --review h=localhost,D=percona,t=query_review slow.log",
            "writes a file, a setting or a message (pt-query-digest --review)"
        ),
        ("mcelog --daemon", "writes a file, a setting or a message (mcelog --daemon)"),
        ("tshark -i eth0 -w /tmp/cap.pcap", "writes a file, a setting or a message (tshark -w)"),
        (
            "nmcli con mod eth0 ipv4.addresses 10.0.0.5/24",
            "runs nmcli, which incident does not know (a runbook may mark it [read-only])"
        ),
        ("nmcli con u eth0", "runs nmcli, which incident does not know (a runbook may mark it [read-only])"),
        (
            "nmcli dev wifi connect CorpWifi password hunter2",
            "runs nmcli, which incident does not know (a runbook may mark it [read-only])"
        ),
        ("iscsiadm -m session -u", "writes a file, a setting or a message (iscsiadm -u)"),
        ("losetup -f --show /var/tmp/disk.img", "writes a file, a setting or a message (losetup -f)"),
        ("iw dev wlan0 connect CorpWifi", "runs iw, which incident does not know (a runbook may mark it [read-only])"),
        ("blockdev --setra 4096 --report /dev/sda", "writes a file, a setting or a message (blockdev --setra)"),
        ("auditctl -b 8192 -s", "writes a file, a setting or a message (auditctl -b)"),
        ("terraform plan -out=tf.plan", "writes a file, a setting or a message (terraform -out)"),
        (
            "terraform providers mirror /tmp/mirror",
            "runs terraform, which incident does not know (a runbook may mark it [read-only])"
        ),
        (
            "openvpn --config /etc/openvpn/client.conf --status /run/openvpn.status 10 --daemon",
            "runs openvpn --daemon, which is not known to be read-only"
        ),
        (
            "node --eval=\"require('fs').rmSync('/tmp/x',{recursive:true})\"",
            "runs a program that is not classified (node --eval=require('fs').rmSync('/tmp/x',{recursive:true}))"
        ),
        (
            "node --require=/opt/runbooks/fix.js",
            "runs a program that is not classified (node --require=/opt/runbooks/fix.js)"
        ),
        ("cat fix.sh | deno", "runs the text piped into it as code (| deno)"),
        ("pssh -h hosts.txt --par 10 -i 'rm -rf /var/cache/app'", "deletes files (rm) via pssh"),
        ("mysql --execute=SHUTDOWN", "changes the database (SHUTDOWN in mysql)"),
        ("psql --command=CHECKPOINT", "changes the database (CHECKPOINT in psql)"),
        ("mysql -eSHUTDOWN", "changes the database (SHUTDOWN in mysql)"),
        ("psql -cVACUUM", "changes the database (VACUUM in psql)"),
        ("mongosh orders --eval=db.orders.drop()", "changes the database (DROP in mongosh)"),
        ("sqlcmd -S db -Q \"EXEC PurgeOldData @days = 30\"", "changes the database (EXEC in sqlcmd)"),
        ("sqlcmd -S db -Q \"exec purge_logs\"", "changes the database (EXEC in sqlcmd)"),
        ("cat fix.sh | pkexec bash", "runs the text piped into it as code (| bash)"),
        ("cat fix.sh | $SUDO bash", "runs the text piped into it as code (| a program named by $SUDO)"),
        ("cat fix.sh | unbuffer -p bash", "runs the text piped into it as code (| bash)"),
        (
            "crictl config runtime-endpoint unix:///run/containerd/containerd.sock",
            "changes crictl's configuration (config)"
        ),
        ("smartctl -l scterc,70,70 /dev/sda", "changes a disk's settings or starts a test (smartctl)"),
        ("git symbolic-ref -d HEAD", "deletes a ref (git symbolic-ref -d)"),
        ("git archive -o/tmp/x.tar HEAD", "writes output into a file (git archive --output)"),
        ("git fsck --lost-found", "writes into the repository (git fsck --lost-found)"),
        (
            "git -c diff.external='rm -rf /tmp/x' diff",
            "runs git with a setting that runs a command (git -c diff.external)"
        ),
        (
            "git --config-env=core.fsmonitor=CMD status",
            "runs git with a setting from the environment (git --config-env)"
        ),
        ("git grep -Orm TODO", "runs a program on the files it finds (git grep -O)"),
        ("rpm --eval '%(rm -rf /tmp/x)'", "runs a shell command (rpm %(…), --pipe)"),
        ("rpm -qa --pipe 'xargs rm -f'", "runs a shell command (rpm %(…), --pipe)"),
        ("bq query --use_legacy_sql=false 'INSERT INTO ds.t VALUES (1)'", "changes the database (INSERT in bq)"),
        ("bq query --destination_table=ds.t 'SELECT 1'", "writes a table (bq query --destination_table)"),
        (
            "ansible all -m shell -a 'etcdctl defrag'",
            "runs etcdctl defrag, which is not known to be read-only in an argument of ansible"
        ),
        ("salt '*' service.restart nginx", "runs salt * service.restart, which is not known to be read-only"),
        (
            "beeline -u jdbc:hive2://x -e \"INSERT OVERWRITE TABLE t SELECT 1\"",
            "changes the database (INSERT in beeline)"
        ),
        ("podman -r rm -f api", "removes containers, images or data (podman rm)"),
        ("BASH_ENV=/opt/runbooks/fix.sh bash", "runs a script that is not classified (BASH_ENV=/opt/runbooks/fix.sh)"),
        (
            "ansible all -m shell -a './fix.sh'",
            "runs a script that is not classified (./fix.sh) in an argument of ansible"
        ),
        ("redis-cli -x APPEND info", "changes Redis data or settings (redis-cli APPEND)"),
        // Left by the fourth review: each `-c` text, here-document and command word is a text of its own,
        // so a later text's `TO STDOUT` is not an earlier COPY's direction.
        ("psql -c \"COPY t TO '/tmp/x'\" -c 'COPY t TO STDOUT'", "changes the database (COPY in psql)"),
        ("psql -c \"COPY t FROM '/tmp/x.csv'\" | grep 'to stdout'", "changes the database (COPY in psql)"),
        ("echo \"COPY t TO '/tmp/x'\" 'TO STDOUT' | psql", "changes the database (COPY in psql)"),
        ("echo DROP TABLE x | psql", "changes the database (DROP in psql)"),
        ("sed -nl 80 '1w /tmp/x' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -n '1w/tmp/x' f", "writes a file or runs a command from its script (sed w, e)"),
        ("gawk -i inplace.awk '{print}' f", "edits files in place (gawk -i inplace)"),
        ("gawk '@include \"inplace\"; {print}' f", "edits files in place (gawk @include \"inplace\")"),
        ("nmcli g host web2", "changes network settings (nmcli general hostname)"),
        ("nmcli con down eth0", "runs nmcli con down, which is not known to be read-only"),
        (
            "kafka-leader-election.sh --bootstrap-server b:9092 --election-type preferred --all-topic-partitions",
            "runs kafka-leader-election.sh, which is not known to be read-only"
        ),
        ("conntrack -L -z", "changes the connection tracking table (conntrack)"),
        ("redis-cli --raw incrby info 1", "changes Redis data or settings (redis-cli INCRBY)"),
        ("redis-cli SORT list STORE dst", "changes Redis data or settings (redis-cli SORT)"),
        ("mongosh --eval 'rs.add(\"h:27017\")'", "changes the database (ADD in mongosh)"),
        ("helm upgrade rel chart --dry-run=none", "changes a Helm release (helm upgrade)"),
        (
            "aws apigateway test-invoke-method --rest-api-id a --resource-id b --http-method DELETE",
            "changes cloud resources (aws apigateway test-invoke-method)"
        ),
        ("wipefs -a /dev/sdb", "changes disks or filesystems (wipefs)"),
        ("wipefs -o 0x438 /dev/sdb", "changes disks or filesystems (wipefs)"),
        ("wipefs -a -tntfs /dev/sdb", "changes disks or filesystems (wipefs)"),
        ("sfdisk /dev/sda < layout.txt", "changes disks or filesystems (sfdisk)"),
        ("sfdisk --delete /dev/sda 2", "changes disks or filesystems (sfdisk)"),
        ("sfdisk -d -r /dev/sda", "changes disks or filesystems (sfdisk)"),
        ("parted /dev/sda rm 2", "changes disks or filesystems (parted)"),
        ("parted -s /dev/sda mklabel gpt", "changes disks or filesystems (parted)"),
        ("parted /dev/sda", "changes disks or filesystems (parted)"),
        ("fdisk /dev/sda", "changes disks or filesystems (fdisk)"),
        ("psql -c \"COPY (select * from t) TO '/tmp/x'\"", "changes the database (COPY in psql)"),
        ("psql -c 'COPY t FROM STDIN'", "changes the database (COPY in psql)"),
        // A `\copy` into a table, a file or a program.
        ("psql -c '\\copy t from /tmp/t.csv'", "runs queries from a file or a shell (psql \\copy)"),
        ("psql -c '\\copy (select 1) to /tmp/x.csv'", "runs queries from a file or a shell (psql \\copy)"),
        ("psql -c \"\\copy t to program 'sh -c id'\"", "runs queries from a file or a shell (psql \\copy)"),
        ("psql -c \"\\copy (select ') to stdout') to '/tmp/x'\"", "runs queries from a file or a shell (psql \\copy)"),
        ("psql -c \"\\copy t to 'stdout'\"", "runs queries from a file or a shell (psql \\copy)"),
        ("curl -w '%output{/tmp/x}hi' https://h", "writes a file (curl -w %output)"),
        // Queries that change a server without a DDL or DML word.
        ("psql -c 'select pg_promote()'", "changes the database (PG_PROMOTE in psql)"),
        ("psql -c 'select pg_reload_conf()'", "changes the database (PG_RELOAD_CONF in psql)"),
        ("psql -c 'checkpoint'", "changes the database (CHECKPOINT in psql)"),
        ("psql -c 'select 1; call purge_old()'", "changes the database (CALL in psql)"),
        ("psql -c \"copy t to '/tmp/t.csv'\"", "changes the database (COPY in psql)"),
        ("psql -c \"copy t to program 'sh -c id'\"", "changes the database (COPY in psql)"),
        ("mysql -e 'shutdown'", "changes the database (SHUTDOWN in mysql)"),
        ("mysql -e 'set global read_only=1'", "changes the database (SET in mysql)"),
        ("mysql -e 'stop replica'", "changes the database (STOP in mysql)"),
        ("mysql -e 'purge binary logs before now()'", "changes the database (PURGE in mysql)"),
        ("mysql -e \"select * from t into outfile '/tmp/x'\"", "changes the database (OUTFILE in mysql)"),
        ("clickhouse-client -q 'SYSTEM STOP MERGES'", "changes the database (SYSTEM in clickhouse-client)"),
        ("clickhouse-client -q 'OPTIMIZE TABLE t FINAL'", "changes the database (OPTIMIZE in clickhouse-client)"),
        ("mongosh --eval 'db.c.findOneAndDelete({})'", "changes the database (FINDONEANDDELETE in mongosh)"),
        ("mongosh --eval 'db.adminCommand({shutdown: 1})'", "changes the database (ADMINCOMMAND in mongosh)"),
        ("mongosh --eval 'rs.stepDown()'", "changes the database (STEPDOWN in mongosh)"),
        // Database tools beside the clients, and more of openssl and journalctl.
        ("pg_restore -d app -c app.dump", "restores a database or writes a file (pg_restore)"),
        ("mongorestore --drop dump/", "loads data into a database (mongorestore)"),
        ("pg_dump -f /tmp/app.sql app", "writes a dump file (pg_dump)"),
        ("mysqldump --result-file=/tmp/x.sql app", "writes a dump file (mysqldump)"),
        ("mongodump --db app", "writes a dump folder (mongodump)"),
        ("mysqlsh -f fix.js", "runs queries from a file or a shell (mysqlsh -f)"),
        ("sqlplus app/pw@db @fix.sql", "runs queries from a file or a shell (sqlplus @fix.sql)"),
        ("influx -execute 'DROP DATABASE metrics'", "changes the database (DROP in influx)"),
        ("pgcli -c 'drop table t'", "changes the database (DROP in pgcli)"),
        ("openssl s_client -connect h:443 -sess_out /tmp/s </dev/null", "writes files (openssl -out)"),
        ("openssl x509 -req -in r.csr -CA ca.pem -CAkey k.pem -CAcreateserial", "writes files (openssl -out)"),
        ("openssl s_server -accept 4433", "runs a server or writes links (openssl s_server)"),
        // The serial file is read, incremented and written back.
        ("openssl x509 -req -in r.csr -CA ca.pem -CAkey k.pem -CAserial ca.srl", "writes files (openssl -out)"),
        ("journalctl --cursor-file=/tmp/c -u x", "writes a cursor file (journalctl --cursor-file)"),
        // A TLS client sends what it reads to the service, as nc does.
        ("openssl s_client -connect h:443 < request.txt", "sends text to a TLS service (openssl s_client)"),
        (
            "printf 'DELETE /x HTTP/1.0\\r\\n\\r\\n' | openssl s_client -connect h:443",
            "sends text to a TLS service (openssl s_client)"
        ),
        // Unknown tools whose action is an option, a glued verb, or a short verb (the seventh probe).
        (
            "kafka-consumer-groups.sh --bootstrap-server b --group g --reset-offsets --to-latest --execute --topic t",
            "runs kafka-consumer-groups.sh --execute, which is not known to be read-only"
        ),
        (
            "kafka-topics --bootstrap-server b --delete --topic t",
            "runs kafka-topics --delete, which is not known to be read-only"
        ),
        (
            "kafka-topics.sh --bootstrap-server b --alter --topic t",
            "runs kafka-topics.sh --alter, which is not known to be read-only"
        ),
        ("consul maint -enable", "runs consul -enable, which is not known to be read-only"),
        ("nodetool removenode 1234-abcd", "runs nodetool removenode, which is not known to be read-only"),
        ("nodetool assassinate 10.0.0.1", "runs nodetool assassinate, which is not known to be read-only"),
        ("nodetool disablegossip", "runs nodetool disablegossip, which is not known to be read-only"),
        ("rados rmpool p p --yes-i-really-really-mean-it", "runs rados rmpool, which is not known to be read-only"),
        ("cryptsetup luksFormat /dev/sdb", "runs cryptsetup luksFormat, which is not known to be read-only"),
        ("cryptsetup luksOpen /dev/sdb data", "runs cryptsetup luksOpen, which is not known to be read-only"),
        ("ceph osd in 3", "runs ceph osd in, which is not known to be read-only"),
        ("ceph osd down 3", "runs ceph osd down, which is not known to be read-only"),
        ("ceph osd lost 3 --yes-i-really-mean-it", "runs ceph osd lost, which is not known to be read-only"),
        ("ceph fs fail cephfs", "runs ceph fs fail, which is not known to be read-only"),
        ("ceph mgr fail x", "runs ceph mgr fail, which is not known to be read-only"),
        (
            "ceph tell osd.* injectargs --osd_max_backfills=1",
            "runs ceph tell osd.* injectargs, which is not known to be read-only"
        ),
        ("rbd map pool/img", "runs rbd map, which is not known to be read-only"),
        ("rbd unmap /dev/rbd0", "runs rbd unmap, which is not known to be read-only"),
        ("vault operator seal", "runs vault operator seal, which is not known to be read-only"),
        ("vault operator step-down", "runs vault operator step-down, which is not known to be read-only"),
        ("argocd app sync myapp", "runs argocd app sync, which is not known to be read-only"),
        ("flux reconcile kustomization flux-system", "runs flux reconcile, which is not known to be read-only"),
        ("pulumi up", "runs pulumi up, which is not known to be read-only"),
        ("az vm deallocate -g rg -n vm", "runs az vm deallocate, which is not known to be read-only"),
        ("az vm reimage -g rg -n vm", "runs az vm reimage, which is not known to be read-only"),
        ("nmcli con down eth0", "runs nmcli con down, which is not known to be read-only"),
        (
            "nmcli connection modify eth0 ipv4.dns 1.1.1.1",
            "runs nmcli connection modify, which is not known to be read-only"
        ),
        // aws: global options before the service, and actions that are not describe-, list-, get-... reads.
        (
            "aws --profile prod ec2 terminate-instances --instance-ids i-1",
            "changes cloud resources (aws ec2 terminate-instances)"
        ),
        ("aws --region x rds failover-db-cluster", "changes cloud resources (aws rds failover-db-cluster)"),
        (
            "aws route53 change-resource-record-sets --hosted-zone-id Z --change-batch file://x.json",
            "changes cloud resources (aws route53 change-resource-record-sets)"
        ),
        ("aws ssm send-command --document-name AWS-RunShellScript", "changes cloud resources (aws ssm send-command)"),
        ("aws sqs purge-queue --queue-url u", "changes cloud resources (aws sqs purge-queue)"),
        ("aws --profile prod s3 rm s3://b/k", "changes S3 objects (aws s3 rm)"),
        ("aws configure", "changes the aws configuration (aws configure)"),
        // oc: DeploymentConfig rollouts, a group's action before a known word, gathering into a folder.
        ("oc rollout latest dc/api", "starts a rollout (oc rollout latest)"),
        ("oc rollout retry dc/api", "retries a rollout (oc rollout retry)"),
        ("oc rollout cancel dc/api", "cancels a rollout (oc rollout cancel)"),
        ("oc adm policy add-role-to-user view alice -n top", "runs oc adm, which is not known to be read-only"),
        ("oc adm inspect ns/openshift-etcd", "writes gathered data into a local folder (oc inspect)"),
        ("kubectl apply --dry-run=none -f x.yaml", "applies a manifest (kubectl apply)"),
        // Network: tables flushed, interfaces taken down, ip in another namespace or cut short.
        ("conntrack -F", "changes the connection tracking table (conntrack)"),
        ("conntrack -D -s 10.0.0.1", "changes the connection tracking table (conntrack)"),
        ("ipvsadm -C", "changes the IPVS table (ipvsadm)"), ("ifdown eth0", "changes network interfaces (ifdown)"),
        ("ifconfig eth0 down", "changes network interfaces (ifconfig)"),
        ("ip -n ns1 route add default via 10.0.0.1", "changes network configuration (ip route add)"),
        ("ip r d default", "changes network configuration (ip r d)"),
        ("ip l s eth0 down", "changes network configuration (ip l s)"),
        ("ip a a 10.0.0.2/24 dev eth0", "changes network configuration (ip a a)"),
        ("ip xfrm state flush", "changes network configuration (ip xfrm state)"),
        ("ip -batch cmds.txt", "changes network configuration (ip -batch)"),
        ("ethtool -s eth0 speed 1000", "changes network interface settings (ethtool -s)"),
        ("ethtool -G eth0 rx 4096", "changes network interface settings (ethtool -G)"),
        ("ethtool -L eth0 combined 8", "changes network interface settings (ethtool -L)"),
        ("ethtool -r eth0", "changes network interface settings (ethtool -r)"),
        ("tc qdisc change dev eth0 root netem delay 100ms", "changes network configuration (tc qdisc change)"),
        // Redis: cluster and sentinel actions, snapshots, scripts, and a command after an unlisted option.
        ("redis-cli CLUSTER FAILOVER", "changes Redis data or settings (redis-cli CLUSTER FAILOVER)"),
        ("redis-cli -c CLUSTER RESET HARD", "changes Redis data or settings (redis-cli CLUSTER RESET)"),
        (
            "redis-cli -p 26379 SENTINEL failover mymaster",
            "changes Redis data or settings (redis-cli SENTINEL FAILOVER)"
        ),
        ("redis-cli SAVE", "changes Redis data or settings (redis-cli SAVE)"),
        ("redis-cli BGSAVE", "changes Redis data or settings (redis-cli BGSAVE)"),
        ("redis-cli EVAL \"return redis.call('del','k')\" 0", "changes Redis data or settings (redis-cli EVAL)"),
        ("redis-cli --cacert ca.pem FLUSHALL", "changes Redis data or settings (redis-cli FLUSHALL)"),
        ("redis-cli --new-option v FLUSHALL", "changes Redis data or settings (redis-cli FLUSHALL)"),
        ("redis-cli SLOWLOG RESET", "changes Redis data or settings (redis-cli SLOWLOG RESET)"),
        ("redis-cli --rdb /tmp/dump.rdb", "runs or writes what its words do not show (redis-cli --rdb)"),
        ("redis-cli --cluster fix h:6379", "changes the Redis cluster (redis-cli --cluster fix)"),
        // Storage: frozen filesystems, zapped tables, deactivated volumes, pools taken offline, exports.
        ("fsfreeze -f /data", "changes disks or filesystems (fsfreeze)"),
        ("sgdisk --zap-all /dev/sdb", "changes disks or filesystems (sgdisk)"),
        ("lvchange -an vg/lv", "changes disks or filesystems (lvchange)"),
        ("vgchange -an vg", "changes disks or filesystems (vgchange)"),
        ("pvmove /dev/sdb", "changes disks or filesystems (pvmove)"),
        ("xfs_growfs /data", "changes disks or filesystems (xfs_growfs)"),
        ("zpool offline tank sdb", "changes ZFS pools or datasets (zpool offline)"),
        ("zpool export tank", "changes ZFS pools or datasets (zpool export)"),
        ("exportfs -ra", "changes NFS exports (exportfs)"),
        ("mdadm --manage /dev/md0 --fail /dev/sdb", "changes disks or filesystems (mdadm)"),
        ("tune2fs -m 1 /dev/sdb", "changes disks or filesystems (tune2fs)"),
        ("e2fsck -fy /dev/sdb", "changes disks or filesystems (e2fsck)"),
        // Databases: a slot or a sequence moved, a table rewritten, prepared transactions, replica sets.
        (
            "psql -c \"select pg_replication_slot_advance('s', pg_current_wal_lsn())\"",
            "changes the database (PG_REPLICATION_SLOT_ADVANCE in psql)"
        ),
        ("psql -c 'CLUSTER orders USING orders_pkey'", "changes the database (CLUSTER in psql)"),
        ("psql -c \"select setval('orders_id_seq', 1000)\"", "changes the database (SETVAL in psql)"),
        ("psql -c \"ROLLBACK PREPARED 'tx1'\"", "changes the database (ROLLBACK in psql)"),
        ("mysql -e 'INSTALL PLUGIN x SONAME \"x.so\"'", "changes the database (INSTALL in mysql)"),
        ("mongosh --eval 'rs.reconfig(cfg)'", "changes the database (RECONFIG in mongosh)"),
        ("mongosh --eval 'db.fsyncLock()'", "changes the database (FSYNCLOCK in mongosh)"),
        ("mongosh --eval 'sh.stopBalancer()'", "changes the database (STOPBALANCER in mongosh)"),
        // Containers: management commands not known to read; a command run through gcloud's ssh.
        ("podman system reset", "runs podman system reset, which is not known to be read-only"),
        ("docker service rollback web", "runs docker service rollback, which is not known to be read-only"),
        ("docker stack deploy -c x.yml app", "runs docker stack deploy, which is not known to be read-only"),
        ("docker swarm leave --force", "runs docker swarm leave, which is not known to be read-only"),
        (
            "gcloud compute ssh vm1 --command 'sudo systemctl restart nginx'",
            "restarts a service (systemctl restart) via sudo via gcloud compute ssh"
        ),
        ("gcloud compute ssh vm1 --command='rm -rf /tmp/x'", "deletes files (rm) via gcloud compute ssh"),
        ("gcloud compute ssh vm1", "opens an interactive remote shell (gcloud compute ssh)"),
        // Running processes: a debugger that calls, priorities, CPUs and limits changed.
        ("gdb -p 1234 -ex 'call abort()' -batch", "attaches a debugger to a running process (gdb -p)"),
        ("gdb -p 1234", "attaches a debugger to a running process (gdb -p)"),
        ("renice -n 10 -p 1234", "changes the priority of running processes (renice)"),
        ("ionice -c 3 -p 1234", "changes the scheduling of a running process (ionice -p)"),
        ("chrt -f -p 50 1234", "changes the scheduling of a running process (chrt -p)"),
        ("taskset -cp 0-3 1234", "changes the scheduling of a running process (taskset -p)"),
        ("prlimit --pid 1234 --nofile=65536:65536", "changes the limits of a running process (prlimit --pid)"),
        // A variable as the program; commands run later or detached; files written by scripts and sponge.
        ("$SUDO rm -rf /tmp/x", "deletes files (rm) via $SUDO"),
        ("${SUDO} systemctl restart nginx", "restarts a service (systemctl restart) via ${SUDO}"),
        ("$KUBECTL delete pod x", "runs $KUBECTL delete, which is not known to be read-only"),
        ("echo 'systemctl restart nginx' | at now + 5 minutes", "schedules commands to run later (at)"),
        ("atrm 3", "removes scheduled commands (atrm)"),
        ("tmux new -d 'systemctl restart nginx'", "runs tmux new, which is not known to be read-only"),
        ("screen -dm bash -c 'rm -rf /tmp/x'", "runs screen -dm, which is not known to be read-only"),
        ("systemd-run --unit x rm -rf /tmp/x", "starts a transient unit (systemd-run)"),
        ("sed -n 'w /tmp/out' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed 's/a/b/w /tmp/out' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -e '1e id' f", "writes a file or runs a command from its script (sed w, e)"),
        ("sed -f fix.sed f", "runs a sed script from a file (sed -f)"),
        ("awk '{print > \"/tmp/out\"}' f", "writes output into a file (awk print >)"),
        ("awk '{print $1 > 0}' f", "writes output into a file (awk print >)"),
        ("gawk -i inplace '{print}' f", "edits files in place (gawk -i inplace)"),
        ("sort f | sponge f", "writes output into a file (sponge f)"),
        ("keytool -import -alias a -file c.pem -keystore ks", "changes a keystore or writes a file (keytool -import)"),
        ("keytool -delete -alias a -keystore ks", "changes a keystore or writes a file (keytool -delete)"),
        ("update-ca-certificates", "rebuilds the trusted certificates (update-ca-certificates)"),
        ("update-ca-trust extract", "rebuilds the trusted certificates (update-ca-trust)"),
    ]

    @Test(arguments: readOnly)
    func readOnlyCommands(_ command: String) {
        #expect(RiskClassifier.classify(command) == .readOnly, "\(RiskClassifier.classify(command))")
    }

    @Test(arguments: mutating)
    func mutatingCommands(_ command: String, reason: String) {
        let risk = RiskClassifier.classify(command)
        #expect(risk.isMutating)
        #expect(risk.reasons.contains(reason), "\(risk.reasons)")
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.readOnly.count + Self.mutating.count >= 60)
    }

    @Test func everySegmentCounts() {
        let risk = RiskClassifier.classify("rm a; kubectl delete pod b && git push | tee out.txt")
        #expect(
            risk.reasons == [
                "deletes files (rm)", "deletes resources (kubectl delete)", "pushes commits (git push)",
                "writes output into a file (tee out.txt)",
            ])
        #expect(risk.description.hasPrefix("mutating: deletes files (rm); "))
    }

    @Test func readOnlyMarkConflictIsReportedForTheLinter() {
        #expect(RiskClassifier.readOnlyMarkConflict("kubectl get pods") == nil)
        #expect(
            RiskClassifier.readOnlyMarkConflict("kubectl delete pod x") == [
                "deletes resources (kubectl delete)"
            ])
    }

    /// A program no rule knows, with nothing that shows it only reads, is not taken for read-only
    /// (review 5: dozens of tools change things with words nobody listed). The linter does not hold a
    /// `[read-only]` mark against it: the mark is how a runbook vouches for such a tool.
    static let unknownPrograms = [
        "setenforce 0", "growpart /dev/nvme0n1 1", "./scripts/failover-db", "/opt/app/bin/reset-cache --all",
        "failover.sh --to db2", "chronyc makestep", "ntpdate pool.ntp.org", "ipmitool chassis power cycle",
        "virsh undefine vm1", "drbdadm invalidate r0", "pcs resource ban db-vip node1", "terraform refresh",
        "certbot --nginx -d example.com --non-interactive", "ansible all -m shell -a 'systemctl restart nginx'",
        "salt '*' cmd.run 'rm -rf /tmp/x'", "expect -c 'spawn ssh db1; send \"sudo reboot\\r\"'",
        "ex -sc '%s/old/new/g|x' /etc/nginx/nginx.conf", "virtctl addvolume vm --volume-name=v --persist",
        "jcmd 1234 VM.set_flag MaxHeapFreeRatio 50", "zkCli.sh -server zk:2181 rmr /brokers/topics/x",
        "npm run db:migrate", "snap restart microk8s", "yum history undo last", "supervisorctl signal HUP worker:*",
        "pm2 resurrect", "service postgresql-9.6 promote", "podman auto-update", "podman play kube pod.yaml",
        "helm 2to3 cleanup", "$RUN 'systemctl restart app'",
        // Output or prose pasted into a code block asks too, since nothing shows it only reads.
        "osd: 3 osds: 3 up (since 27m), 3 in (since 27m)", "Address already in use",
        "default  alertmanager-main-0  1/2  CrashLoopBackOff  37 2d", "at async Promise.all (index 0)",
    ]

    @Test(arguments: unknownPrograms)
    func programsNotKnownToReadAsk(_ command: String) {
        let risk = RiskClassifier.classify(command)
        #expect(risk.isMutating)
        #expect(!risk.reasons.isEmpty)
    }

    @Test func aReadOnlyMarkVouchesForAProgramNoRuleKnows() {
        #expect(RiskClassifier.readOnlyMarkConflict("frobctl --frob") == nil)
        #expect(RiskClassifier.classify("frobctl --frob").isMutating)
        #expect(
            RiskClassifier.readOnlyMarkConflict("frobctl --frob && rm -rf /tmp/x") == ["deletes files (rm)"])
    }

    @Test func quotedOperatorsAreNotOperators() {
        #expect(RiskClassifier.classify("grep 'a > b' file.txt") == .readOnly)
        #expect(RiskClassifier.classify("echo \"; rm -rf /\"") == .readOnly)
        #expect(RiskClassifier.classify("awk '{print $1 > \"/dev/stderr\"}' f") == .readOnly)
    }
}
