// The io_uring variant of http-responder.c: one io_uring_enter per request submits the answer
// and the connection's next receive and waits for the next completion, where the epoll floor
// makes three system calls (epoll_wait, read, send). Measured beside it in docs/benchmarks.md
// ("Where a keep-alive request's time goes"): no cheaper per request, so io_uring is not worth
// a Java transport here. Raw system calls, no liburing (Debian's liburing-dev is not installed).
//   gcc -O2 -o http-responder-uring http-responder-uring.c
//   taskset -c 0 ./http-responder-uring PORT [SECONDS] [DEFER]   (DEFER=1: SINGLE_ISSUER|DEFER_TASKRUN)
// Loopback only; descriptors above MAX_FD are closed unanswered.
#define _GNU_SOURCE
#include <linux/io_uring.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
static const char ANN[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 76\r\n\r\nd8:completei1e10:incompletei1e8:intervali1800e12:min intervali900e5:peers0:e";
static const char SCR[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nd5:filesdee";
#define MAX_FD 4096
#define ACCEPT_TAG (1ul << 32)
#define SEND_TAG (2ul << 32)
static unsigned *sq_tail, *sq_mask, *sq_array, *cq_head, *cq_tail, *cq_mask;
static struct io_uring_sqe *sqes;
static struct io_uring_cqe *cqes;
static unsigned queued;
static char bufs[MAX_FD][4096];

static struct io_uring_sqe *next_sqe(void) {
  unsigned tail = *sq_tail, i = tail & *sq_mask;
  sq_array[i] = i;
  memset(&sqes[i], 0, sizeof sqes[i]);
  atomic_store_explicit((_Atomic unsigned *) sq_tail, tail + 1, memory_order_release);
  queued++;
  return &sqes[i];
}

static void receive(int fd) {
  struct io_uring_sqe *s = next_sqe();
  s->opcode = IORING_OP_RECV; s->fd = fd; s->addr = (unsigned long) bufs[fd]; s->len = sizeof bufs[fd]; s->user_data = fd;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: http-responder-uring PORT [SECONDS] [DEFER]\n"); return 2; }
  alarm(argc > 2 ? atoi(argv[2]) : 600);
  int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, 4);
  struct sockaddr_in a = {0}; a.sin_family = AF_INET; a.sin_port = htons(atoi(argv[1])); a.sin_addr.s_addr = htonl(0x7f000001);
  if (bind(l, (void *) &a, sizeof a) || listen(l, 1024)) { perror("bind"); return 1; }
  struct io_uring_params p = {0};
  if (argc > 3 && atoi(argv[3])) p.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN;
  int ring = syscall(__NR_io_uring_setup, 1024, &p);
  if (ring < 0) { perror("io_uring_setup"); return 1; }
  size_t sq_size = p.sq_off.array + p.sq_entries * 4, cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
  // IORING_FEAT_SINGLE_MMAP (5.4+): one mapping holds both rings.
  char *r = mmap(0, sq_size > cq_size ? sq_size : cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
  sqes = mmap(0, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
  sq_tail = (void *) (r + p.sq_off.tail); sq_mask = (void *) (r + p.sq_off.ring_mask); sq_array = (void *) (r + p.sq_off.array);
  cq_head = (void *) (r + p.cq_off.head); cq_tail = (void *) (r + p.cq_off.tail); cq_mask = (void *) (r + p.cq_off.ring_mask);
  cqes = (void *) (r + p.cq_off.cqes);
  struct io_uring_sqe *s = next_sqe();
  s->opcode = IORING_OP_ACCEPT; s->fd = l; s->ioprio = IORING_ACCEPT_MULTISHOT; s->user_data = ACCEPT_TAG;
  for (;;) {
    if (syscall(__NR_io_uring_enter, ring, queued, 1, IORING_ENTER_GETEVENTS, 0, 0) < 0) perror("io_uring_enter");
    queued = 0;
    unsigned head = *cq_head, tail = atomic_load_explicit((_Atomic unsigned *) cq_tail, memory_order_acquire);
    for (; head != tail; head++) {
      struct io_uring_cqe *c = &cqes[head & *cq_mask];
      int res = c->res;
      if (c->user_data == ACCEPT_TAG) {
        if (res >= MAX_FD) close(res);
        else if (res >= 0) { setsockopt(res, IPPROTO_TCP, TCP_NODELAY, &one, 4); receive(res); }
        continue;
      }
      if (c->user_data & SEND_TAG) continue;   // a failed send; successful ones post nothing
      int fd = (int) c->user_data;
      if (res <= 0) { close(fd); continue; }
      char *b = bufs[fd];
      for (int q = 0; q + 4 <= res; ) {
        char *end = memmem(b + q, res - q, "\r\n\r\n", 4);
        if (!end) break;
        int scrape = memcmp(b + q, "GET /scrape", 11) == 0;
        struct io_uring_sqe *w = next_sqe();
        w->opcode = IORING_OP_SEND; w->fd = fd; w->addr = (unsigned long) (scrape ? SCR : ANN);
        w->len = scrape ? sizeof SCR - 1 : sizeof ANN - 1; w->msg_flags = MSG_NOSIGNAL;
        w->flags = IOSQE_CQE_SKIP_SUCCESS; w->user_data = SEND_TAG | fd;
        q = end - b + 4;
      }
      receive(fd);
    }
    atomic_store_explicit((_Atomic unsigned *) cq_head, head, memory_order_release);
  }
}
