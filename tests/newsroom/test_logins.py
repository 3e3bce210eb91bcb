"""Brute force at the logins: a few wrong passwords lock that name out from that address, clearly."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/login/", "/accounts/login/"])
def test_repeated_wrong_passwords_lock_the_login_with_a_clear_message(client, django_user_model, settings, url):
    django_user_model.objects.create_user("bianji", password="the-right-one", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "bianji", "password": "wrong"})
        assert response.status_code == 200  # the form again
    locked = client.post(url, {"username": "bianji", "password": "wrong"})
    assert locked.status_code == 429 and "登录已暂停" in locked.content.decode()
    again = client.post(url, {"username": "bianji", "password": "the-right-one"})
    assert again.status_code == 429  # even the right password waits out the hour


def test_another_address_and_a_right_password_are_not_locked(client, django_user_model, settings):
    django_user_model.objects.create_user("bianji", password="the-right-one", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "bianji", "password": "wrong"})
    other = client.post("/admin/login/", {"username": "bianji", "password": "the-right-one"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302  # logged in
