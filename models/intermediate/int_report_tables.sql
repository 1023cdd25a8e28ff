{#-
    Every table the ingest read, with the family whose marts take it (mart_family): its own
    family, or for a table of unknown layout (table_family = 'generic') the family the
    reviewed seed table_family_map gives its title, else 'generic'.
-#}
with

tables as (

    select * from {{ ref('stg_report_tables') }}

),

family_map as (

    select * from {{ ref('table_family_map') }}

),

final as (

    select
        tables.report_id,
        tables.table_id,
        tables.table_family,
        case
            when tables.table_family = 'generic' then coalesce(family_map.table_family, 'generic')
            else tables.table_family
        end as mart_family,
        tables.table_title,
        tables.table_title_key,
        tables.title_line,
        tables.header_last_line,
        tables.last_line,
        tables.column_count,
        tables.header_text,
        tables.unit,
        tables.read_note,
        tables.truncation
    from tables
    left join family_map on tables.table_title_key = family_map.title_key

)

select * from final
