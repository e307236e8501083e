package io.swarmkeeper.core;

class InMemorySwarmStoreTest extends SwarmStoreContract {
    @Override
    SwarmStore newStore(int peerTimeoutSeconds) {
        return new InMemorySwarmStore(peerTimeoutSeconds, 16);
    }
}
