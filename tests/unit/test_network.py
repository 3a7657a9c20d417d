"""IP address arithmetic and handshake costs in macros/network.py."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.errors import MacroInputError
from macros.fmt import NBSP
from macros.network import (
    address_space,
    cidr_addresses,
    cidr_hosts,
    cidr_range,
    cidr_share,
    cidr_size,
    handshake_table,
    pool_connections,
    rtt_cost,
)


def test_rfc1918_block_sizes_are_powers_of_two():
    assert cidr_size("10.0.0.0/8") == "16,777,216"
    assert cidr_size("172.16.0.0/12") == "1,048,576"
    assert cidr_size("192.168.0.0/16") == "65,536"


def test_cidr_range_gives_first_and_last_address():
    assert cidr_range("172.16.0.0/12") == f"172.16.0.0{NBSP}–{NBSP}172.31.255.255"


def test_rfc1918_is_under_half_a_percent_of_ipv4():
    assert cidr_share(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]) == f"0.42{NBSP}%"


def test_overlapping_blocks_are_counted_once():
    assert cidr_share(["10.0.0.0/8", "10.1.0.0/16"], 4) == cidr_share(["10.0.0.0/8"], 4)


def test_address_spaces():
    assert address_space(32) == "4,294,967,296"
    assert address_space(32, "words") == f"4.29{NBSP}billion"
    assert address_space(128, "sci") == f"3.4{NBSP}×{NBSP}10³⁸"
    assert address_space(128) == f"{2**128:,}"


def test_hosts_after_reserved_addresses():
    assert cidr_hosts("192.168.1.0/24") == "254"
    assert cidr_hosts("10.0.1.0/24", 5) == "251"


def test_rtt_cost_multiplies_round_trips():
    assert rtt_cost(80, 3) == f"240{NBSP}ms"
    assert rtt_cost(0.5) == f"500{NBSP}µs"


def test_pool_connections_multiply_across_the_fleet():
    assert pool_connections(100, 50) == "5,000"


def test_handshake_table_orders_tls12_slowest():
    table = handshake_table(100)
    assert f"| TCP + TLS 1.2 | 3 | 400{NBSP}ms |" in table
    assert f"| TCP + TLS 1.3 | 2 | 300{NBSP}ms |" in table
    assert f"| TCP + TLS 1.3 0-RTT resumption | 1 | 200{NBSP}ms |" in table  # only the TCP handshake is left


@pytest.mark.parametrize(
    "call",
    [
        lambda: cidr_size("10.0.0.1/8"),  # host bits set
        lambda: cidr_size("10.0.0.0/33"),
        lambda: cidr_size(10),
        lambda: cidr_size("10.0.0.0/8", "roman"),
        lambda: cidr_hosts("10.0.0.0/31", 2),
        lambda: cidr_hosts("10.0.0.0/24", -1),
        lambda: cidr_share([]),
        lambda: cidr_share(["10.0.0.0/8", "2001:db8::/32"]),
        lambda: address_space(0),
        lambda: address_space(129),
        lambda: rtt_cost(0, 1),
        lambda: rtt_cost(float("nan"), 1),
        lambda: rtt_cost(50, 0),
        lambda: handshake_table(-5),
        lambda: pool_connections(0, 50),
        lambda: pool_connections(10, 2.5),
    ],
)
def test_bad_inputs_are_rejected(call):
    with pytest.raises(MacroInputError):
        call()


@given(st.integers(min_value=0, max_value=32))
def test_ipv4_block_holds_two_to_the_host_bits(prefix):
    assert cidr_addresses(f"0.0.0.0/{prefix}") == 2 ** (32 - prefix)


@given(st.integers(min_value=1, max_value=128))
def test_address_space_exact_matches_python_int(bits):
    assert address_space(bits).replace(",", "") == str(2**bits)


def test_fibre_round_trip_is_the_great_circle_there_and_back_at_c_over_1_468() -> None:
    from macros.network import fibre_distance, fibre_round_trip, great_circle_km

    sf_ams = (37.77, -122.42, 52.37, 4.90)
    assert abs(great_circle_km(*sf_ams) - 8_773) < 10  # the published great-circle distance is about 8,770 km
    assert fibre_distance(*sf_ams) == "8,800\u00a0km"
    assert fibre_round_trip(*sf_ams) == "86\u00a0ms"  # 2 × 8,773 km ÷ 204,218 km/s
    assert fibre_round_trip(40.71, -74.01, 51.51, -0.13) == "55\u00a0ms"  # New York–London, 5,570 km
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(math.pi * 6_371.0088)
    for bad in ((91, 0, 0, 0), (0, 181, 0, 0), ("0", 0, 0, 0), (True, 0, 0, 0)):
        with pytest.raises(MacroInputError):
            fibre_round_trip(*bad)
