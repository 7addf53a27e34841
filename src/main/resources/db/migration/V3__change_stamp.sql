-- One counter that every change to who may do what, and to what a request runs, raises in its
-- own transaction (the triggers of V4, one script a database under db/stamp). A request reads
-- it once; while it is unchanged, rows read by an earlier request are still the rows a read
-- would find now, on whichever instance wrote them.

create table change_stamp (
    id    integer primary key,
    stamp bigint  not null
);

insert into change_stamp (id, stamp) values (1, 0);
