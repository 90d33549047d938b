"""Who may use the review database: registering users and the first admin.

The first admin comes only from `assistant db init --admin NAME` (`set_up`); from then
on admins add users. On PostgreSQL each user is a login, made a member of the review
database's member role (team.py).
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from . import reading
from .core import StoreCore
from .errors import NotAllowed
from .models import ROLES, User
from .names import user_name
from .rules import article, may_manage_users
from .team import grant_access
from .views import UserView


class UserRegistry(StoreCore):
    """The users part of the review store."""

    def list_users(self) -> list[UserView]:
        with self._read() as session:
            return reading.users(session)

    # -- users -------------------------------------------------------------------

    def add_user(self, name: str, role: str) -> UserView:
        """Register `name` with `role` (or change its role). Admins only.

        The first admin comes from `assistant db init --admin NAME`, never from here.
        """
        name = user_name(name)
        if role not in ROLES:
            raise NotAllowed(f"unknown role '{role}'; choose one of: {', '.join(ROLES)}")
        try:
            with self._write() as session:
                me = session.scalar(select(User).where(User.name == self.user))
                if not may_manage_users(me.role if me else None):
                    raise NotAllowed(
                        f"only admins may add users; {self.user} is "
                        f"{article(me.role) + ' ' + me.role if me else 'not registered'}"
                        + ("" if self._has_admin(session) else
                           ". This database has no admin yet: run `assistant db init "
                           "--admin NAME` to make the first one"))
                return self._register(session, name, role)
        except NotAllowed as exc:
            self._log_refusal(None, f"add user {name} as {role}", exc)
            raise

    def set_up(self, admin: str) -> tuple[UserView, bool]:
        """Register the first admin (`assistant db init --admin NAME`).

        Returns the admin and whether anything changed. Refused when the database already
        has an admin other than `admin`: from then on admins add users.
        """
        admin = user_name(admin, "admin name")
        with self._write() as session:
            admins = self._set_up_admins(session, admin)
            if admin in admins:
                user = session.scalar(select(User).where(User.name == admin))
                assert user is not None
                if self.on_postgresql:
                    self._grant(session, admin, "admin")
                return UserView(name=user.name, role=user.role,
                                created_at=user.created_at), False
            return self._register(session, admin, "admin", how=" (db init)"), True

    def check_set_up(self, admin: str) -> None:
        """NotAllowed, before anything is made, when `set_up(admin)` would be refused."""
        with self._read() as session:
            self._set_up_admins(session, user_name(admin, "admin name"))

    @staticmethod
    def _set_up_admins(session: Session, admin: str) -> list[str]:
        """The database's admins; NotAllowed when there are some and `admin` is not one."""
        admins = list(session.scalars(select(User.name).where(User.role == "admin")))
        if admins and admin not in admins:
            raise NotAllowed(
                f"this review database is already set up; its admins are "
                f"{', '.join(sorted(admins))}. An admin adds users with "
                "`assistant users add NAME --role ROLE`")
        return admins

    def _register(self, session: Session, name: str, role: str, how: str = "") -> UserView:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            user = User(name=name, role=role, created_at=self.clock())
            session.add(user)
            session.flush()
            self._audit(session, "user-added", detail=f"{name} as {role}{how}")
        elif user.role != role:
            self._audit(session, "role-changed", detail=f"{name}: {user.role} -> {role}")
            user.role = role
            session.flush()
        if self.on_postgresql:
            self._grant(session, name, role)
        return UserView(name=user.name, role=user.role, created_at=user.created_at)

    @staticmethod
    def _has_admin(session: Session) -> bool:
        return bool(session.scalar(select(exists().where(User.role == "admin"))))

    def _grant(self, session: Session, name: str, role: str) -> None:
        try:
            with session.begin_nested():
                grant_access(session.connection(), name, role)
        except DBAPIError as exc:
            reason = str(exc.orig).strip().splitlines()[0]
            raise NotAllowed(
                f"could not give the PostgreSQL login '{name}' access ({reason}); the login "
                f"must exist (CREATE ROLE \"{name}\" LOGIN) and you must own the review tables"
            ) from exc
