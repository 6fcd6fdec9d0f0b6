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
        "mycli status /var/lib/delete-me",
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
        ("psql -f report.sql", "runs queries from a file (psql -f)"),
        ("psql -Atf report.sql", "runs queries from a file (psql -f)"),
        ("psql --fi=report.sql", "runs queries from a file (psql --file)"),
        ("sqlite3 app.db '.read report.sql'", "runs queries from a file (sqlite3 .read)"),
        ("mysql -e 'source report.sql'", "runs queries from a file (mysql source)"),
        ("psql -c '\\i report.sql'", "runs queries from a file (psql \\i)"),
        ("mongosh check.js", "runs queries from a file (mongosh check.js)"),
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
        // A TLS client sends what it reads to the service, as nc does.
        ("openssl s_client -connect h:443 < request.txt", "sends text to a TLS service (openssl s_client)"),
        (
            "printf 'DELETE /x HTTP/1.0\\r\\n\\r\\n' | openssl s_client -connect h:443",
            "sends text to a TLS service (openssl s_client)"
        ),
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

    @Test func quotedOperatorsAreNotOperators() {
        #expect(RiskClassifier.classify("grep 'a > b' file.txt") == .readOnly)
        #expect(RiskClassifier.classify("echo \"; rm -rf /\"") == .readOnly)
        #expect(RiskClassifier.classify("awk '{print $1 > \"/dev/stderr\"}' f") == .readOnly)
    }
}
