// The floor of a keep-alive HTTP server that wakes once per request: epoll (level-triggered),
// accept4, read, send, nothing else. Answers every announce with an empty peer list and every
// scrape with no files, which `swarmkeeper bench http` accepts. Measured beside the trackers in
// docs/benchmarks.md ("The HTTP epoll loop"):
//   gcc -O2 -o http-responder http-responder.c
//   taskset -c 0 ./http-responder PORT [SECONDS [GATHER_US]]   (stops by itself after SECONDS, default 600)
// With GATHER_US > 0 it measures what a wake-up costs: after answering what one wake-up brought, it
// sleeps out the rest of GATHER_US since that wake-up and then takes whatever arrived meanwhile, so
// several requests share a wake-up at the price of up to GATHER_US of latency ("Wake-ups, priced"
// in docs/benchmarks.md). Loopback only.
#define _GNU_SOURCE
#include <sys/epoll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <time.h>
static const char ANN[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 76\r\n\r\nd8:completei1e10:incompletei1e8:intervali1800e12:min intervali900e5:peers0:e";
static const char SCR[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nd5:filesdee";
int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: http-responder PORT [SECONDS [GATHER_US]]\n"); return 2; }
  int port = atoi(argv[1]);
  alarm(argc > 2 ? atoi(argv[2]) : 600);
  long gather = argc > 3 ? atol(argv[3]) : 0;
  int gathering = 0;
  struct timespec woke;
  int l = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1; setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, 4);
  struct sockaddr_in a = {0}; a.sin_family = AF_INET; a.sin_port = htons(port); a.sin_addr.s_addr = htonl(0x7f000001);
  if (bind(l, (void*)&a, sizeof a) || listen(l, 1024)) { perror("bind"); return 1; }
  int ep = epoll_create1(0);
  struct epoll_event e = {.events = EPOLLIN, .data.fd = l}; epoll_ctl(ep, EPOLL_CTL_ADD, l, &e);
  struct epoll_event evs[256]; char buf[65536];
  for (;;) {
    if (gathering) {
      struct timespec now; clock_gettime(CLOCK_MONOTONIC, &now);
      long spent = (now.tv_sec - woke.tv_sec) * 1000000L + (now.tv_nsec - woke.tv_nsec) / 1000;
      if (spent < gather) usleep(gather - spent);
    }
    // gathering, nothing ready means the load stopped: block until it comes back
    int n = epoll_wait(ep, evs, 256, gathering ? 0 : -1);
    gathering = gather > 0 && n > 0;
    if (gathering) clock_gettime(CLOCK_MONOTONIC, &woke);
    for (int i = 0; i < n; i++) {
      int fd = evs[i].data.fd;
      if (fd == l) {
        int c; while ((c = accept4(l, 0, 0, SOCK_NONBLOCK)) >= 0) {
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, 4);
          struct epoll_event ce = {.events = EPOLLIN, .data.fd = c}; epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce);
        }
        continue;
      }
      ssize_t r = read(fd, buf, sizeof buf);
      if (r <= 0) { close(fd); continue; }
      // One request per read at these rates; count the heads to answer each.
      for (ssize_t p = 0; p + 4 <= r; ) {
        char *end = memmem(buf + p, r - p, "\r\n\r\n", 4);
        if (!end) break;
        int scrape = memcmp(buf + p, "GET /scrape", 11) == 0;
        send(fd, scrape ? SCR : ANN, scrape ? sizeof SCR - 1 : sizeof ANN - 1, MSG_NOSIGNAL);
        p = end - buf + 4;
      }
    }
  }
}
